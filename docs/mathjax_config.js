MathJax.Hub.Config({
  messageStyle: "none",
  SVG: { font: "TeX", linebreaks: { automatic: true } },
  TeX: { equationNumbers: { autoNumber: "none" } }
});
