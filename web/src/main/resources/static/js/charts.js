// Chart.js (served from its webjar) with the clinic's defaults, and one small plugin of Chart.js's own kind that
// draws labelled threshold lines across a chart (the 6- and 18-week waits; caseness is drawn as line datasets).
const Chart = window.Chart;

export const colours = { phq9: '#005eb8', gad7: '#8a1538', target: '#00703c', grey: '#4a5563', amber: '#b35900',
  red: '#b00020', teal: '#007f7f' };

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1d2733';
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

/** Vertical lines at category indexes: options.plugins.thresholds = [{index, label, colour}]. */
const thresholds = {
  id: 'thresholds',
  afterDatasetsDraw(chart, args, lines) {
    const { ctx, chartArea, scales } = chart;
    for (const line of lines?.lines || []) {
      const x = scales.x.getPixelForValue(line.index) - (line.between ? (scales.x.getPixelForValue(1) - scales.x.getPixelForValue(0)) / 2 : 0);
      ctx.save();
      ctx.strokeStyle = line.colour;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillStyle = line.colour;
      ctx.font = 'bold 13px system-ui, sans-serif';
      ctx.fillText(line.label, x + 4, chartArea.top + 14);
      ctx.restore();
    }
  },
};
Chart.register(thresholds);

export function chart(canvasId, config) {
  const canvas = document.getElementById(canvasId);
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, config);
}
