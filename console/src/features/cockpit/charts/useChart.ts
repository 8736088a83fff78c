import { onBeforeUnmount, onMounted, watch, type Ref, type ShallowRef, shallowRef } from 'vue'
import { init, type ChartOption, type ECharts } from './echarts'

export interface ChartHooks {
  /** the clicked item's `name` */
  onClick?: (name: string) => void
  /** after each draw and resize, when the layout is known (ECharts lays out in setOption) */
  afterDraw?: (chart: ECharts) => void
}

/**
 * One ECharts instance on an element, drawn when it first comes into view (without ECharts' grow-in
 * animation, unless the option asks for one), redrawn whenever its option changes, resized with the
 * window and disposed with the component.
 */
export function useChart(
  element: Ref<HTMLElement | null>,
  option: Ref<ChartOption | null>,
  hooks: ChartHooks = {},
): ShallowRef<ECharts | null> {
  const chart = shallowRef<ECharts | null>(null)
  const resize = () => {
    if (chart.value) {
      chart.value.resize()
      hooks.afterDraw?.(chart.value)
    }
  }

  function draw() {
    if (!element.value || !option.value) {
      return
    }
    if (!chart.value) {
      chart.value = init(element.value, undefined, { renderer: 'canvas' })
      if (hooks.onClick) {
        const onClick = hooks.onClick
        chart.value.on('click', (event) => onClick(String(event.name)))
      }
    }
    // drawn at once, not grown in: a figure is read (and screenshot) as it is, never half-way up
    chart.value.setOption({ animation: false, ...option.value }, { notMerge: true })
    hooks.afterDraw?.(chart.value)
  }

  // A chart is drawn once it comes into view: those further down the page do not hold up the first.
  let visible = false
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      visible = true
      observer.disconnect()
      draw()
    }
  })

  onMounted(() => {
    if (element.value) {
      observer.observe(element.value)
    }
    window.addEventListener('resize', resize)
  })
  watch(option, () => visible && draw())
  onBeforeUnmount(() => {
    observer.disconnect()
    window.removeEventListener('resize', resize)
    chart.value?.dispose()
    chart.value = null
  })
  return chart
}
