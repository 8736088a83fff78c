import { onBeforeUnmount, onMounted, watch, type Ref, type ShallowRef, shallowRef } from 'vue'
import { init, type ChartOption, type ECharts } from './echarts'

export interface ChartHooks {
  /** the clicked item's `name` */
  onClick?: (name: string) => void
  /** after each draw and resize, when the layout is known (ECharts lays out in setOption) */
  afterDraw?: (chart: ECharts) => void
}

/**
 * One ECharts instance on an element, redrawn whenever its option changes, resized with the
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
    chart.value.setOption(option.value, { notMerge: true })
    hooks.afterDraw?.(chart.value)
  }

  onMounted(() => {
    draw()
    window.addEventListener('resize', resize)
  })
  watch(option, draw)
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize)
    chart.value?.dispose()
    chart.value = null
  })
  return chart
}
