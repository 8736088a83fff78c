// ECharts is imported per chart and component, not whole: only what the cockpit draws is bundled,
// and it loads with the cockpit's route, not with the sign-in.
import { use, init, registerMap, getMap, type ComposeOption, type ECharts } from 'echarts/core'
import {
  BarChart,
  FunnelChart,
  LineChart,
  MapChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type LineSeriesOption,
  type MapSeriesOption,
} from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
  type AriaComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([
  MapChart,
  BarChart,
  LineChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
])

export type ChartOption = ComposeOption<
  | MapSeriesOption
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>

export { init, registerMap, getMap, type ECharts }
