// Draws every <canvas data-chart="{...}"> of a console page with Chart.js (the app's own webjar):
// bars with both axes, and each value written on its bar where it fits. The description comes
// from ConsoleChart on the server, as JSON in the attribute: the CSP allows no inline script.
(function () {
  "use strict";

  function formatter(decimals) {
    var format = new Intl.NumberFormat(document.documentElement.lang || "zh-CN", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals
    });
    return function (value) { return format.format(value); };
  }

  // Writes each non-zero value at the end of its bar, when the text fits the bar's width.
  var values = {
    id: "fanshelfValues",
    afterDatasetsDraw: function (chart, args, options) {
      var ctx = chart.ctx;
      var horizontal = chart.options.indexAxis === "y";
      ctx.save();
      ctx.font = "600 10px sans-serif";
      ctx.fillStyle = "#222";
      chart.data.datasets.forEach(function (dataset, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden) { return; }
        meta.data.forEach(function (bar, j) {
          var value = dataset.data[j];
          if (!value) { return; }
          var text = options.format(value);
          var width = ctx.measureText(text).width;
          if (horizontal) {
            ctx.textAlign = "left";
            ctx.textBaseline = "middle";
            ctx.fillText(text, bar.x + 4, bar.y);
          } else if (width <= bar.width + 6) {
            ctx.textAlign = "center";
            ctx.textBaseline = "bottom";
            ctx.fillText(text, bar.x, bar.y - 2);
          }
        });
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var format = formatter(spec.decimals);
    var valueAxis = {
      beginAtZero: true,
      grace: "8%",
      ticks: { precision: spec.decimals, callback: function (value) { return format(value); } }
    };
    var categoryAxis = { ticks: { autoSkip: true, maxRotation: 0 }, grid: { display: false } };
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series) {
          return { label: series.label, data: series.values, backgroundColor: series.color };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: spec.series.length > 1 },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ": " + format(item.raw); } } },
          fanshelfValues: { format: format }
        }
      },
      plugins: [values]
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
