/* The SPARQL query page: YASGUI (@zazuko/yasgui, served from /assets/yasgui/) set up for
 * this endpoint, plus the project's query library (/queries/index.json) as examples.
 *
 * Nothing here or in YASGUI as configured loads anything from another host:
 * - prefix autocompletion uses our own list (no prefix.cc);
 * - the class and property autocompleters, which ask lov.linkeddata.es, are off;
 * - the endpoint catalogue lists only this endpoint;
 * - no CORS proxy.
 * YASGUI keeps no state in localStorage (persistenceId: null), so every visit starts afresh.
 */
(function () {
  "use strict";

  var ENDPOINT = window.location.origin + "/sparql";

  var PREFIXES = {
    wa: "https://w3id.org/werkagenda/def#",
    dcterms: "http://purl.org/dc/terms/",
    skos: "http://www.w3.org/2004/02/skos/core#",
    org: "http://www.w3.org/ns/org#",
    prov: "http://www.w3.org/ns/prov#",
    eli: "http://data.europa.eu/eli/ontology#",
    foaf: "http://xmlns.com/foaf/0.1/",
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    owl: "http://www.w3.org/2002/07/owl#"
  };

  var DEFAULT_QUERY = [
    "# The agenda's five programme lines and their priorities, with their English titles",
    "# (unofficial translations). Press the run button or Ctrl+Enter.",
    "PREFIX wa: <" + PREFIXES.wa + ">",
    "PREFIX dcterms: <" + PREFIXES.dcterms + ">",
    "",
    "SELECT ?line ?lineTitle ?priority ?priorityTitle WHERE {",
    "  ?line a wa:ProgrammeLine ;",
    "      dcterms:title ?lineTitle ;",
    "      dcterms:hasPart ?priority .",
    "  ?priority a wa:Priority ;",
    "      dcterms:title ?priorityTitle .",
    "  FILTER(LANG(?lineTitle) = \"en\" && LANG(?priorityTitle) = \"en\")",
    "}",
    "ORDER BY ?line ?priority",
    ""
  ].join("\n");

  var PREFIX_COMPLETER = "werkagendaPrefixes";

  /* ---------------------------------------------------------------- the chart view
   *
   * YASGUI 4.6.2 has no chart view of its own, so this is one, as a YASR plugin: a horizontal
   * bar chart in inline SVG, drawn here without any library. The bars are the result's rows in
   * the order of the result; their labels come from the first column that does not hold numbers
   * (IRIs shortened with the page's prefixes or to their last segment, literals as their text),
   * their lengths from the first other column that holds only numbers (xsd:integer, xsd:decimal,
   * xsd:double, xsd:float and the types derived from them). Everything the chart needs to look
   * right is in the SVG's own attributes, so the download (SVG) looks like the page. */

  var SVG_NS = "http://www.w3.org/2000/svg";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC_TYPES = [
    "integer", "decimal", "double", "float",
    "long", "int", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"
  ].map(function (name) {
    return XSD + name;
  });
  var CHART = {
    maxBars: 100, // more rows are left out of the chart (the Table view has them all)
    maxLabelChars: 48, // a longer label is cut to 47 characters and "…" (the bar's tooltip has it all)
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: 13,
    rowHeight: 26,
    barHeight: 18,
    headingHeight: 34,
    axisHeight: 42,
    bar: "#154273",
    text: "#1b1b1b",
    muted: "#4a4a4a",
    grid: "#d5dce4",
    axis: "#6b7785"
  };
  var chartCount = 0;

  function isNumber(term) {
    return !!term &&
      (term.type === "literal" || term.type === "typed-literal") &&
      NUMERIC_TYPES.indexOf(term.datatype) >= 0 &&
      /\S/.test(term.value) &&
      isFinite(Number(term.value));
  }

  /* A numeric column: bound in at least one row, and a number wherever it is bound. */
  function isNumericColumn(bindings, variable) {
    var bound = 0;
    for (var i = 0; i < bindings.length; i++) {
      var term = bindings[i][variable];
      if (!term) continue;
      if (!isNumber(term)) return false;
      bound++;
    }
    return bound > 0;
  }

  function variableList(variables) {
    return variables.map(function (name) {
      return "?" + name;
    }).join(", ");
  }

  /* What the chart of these results would show, or why there is none ({reason}). */
  function analyseResults(results) {
    if (!results) return { reason: "there are no results yet" };
    if (results.hasError && results.hasError()) return { reason: "the query failed" };
    if (results.getBoolean() !== undefined) return { reason: "an ASK query answers only true or false" };
    if (results.getType() === "ttl") {
      return { reason: "the answer is a graph (CONSTRUCT or DESCRIBE), not a table of variables" };
    }
    var variables = results.getVariables() || [];
    var bindings = results.getBindings();
    if (!bindings) return { reason: "the answer is not a table of variables" };
    if (bindings.length === 0) return { reason: "the query returned no rows" };
    if (variables.length < 2) {
      return { reason: "a chart needs a column of numbers and a column of labels, and this result has only " + variableList(variables) };
    }
    var numeric = variables.filter(function (variable) {
      return isNumericColumn(bindings, variable);
    });
    if (numeric.length === 0) {
      return {
        reason: "none of its columns (" + variableList(variables) + ") holds numbers " +
          "(xsd:integer, xsd:decimal, xsd:double or xsd:float)"
      };
    }
    // The labels: the first column without numbers that has a value in some row.
    var labelVariable = variables.filter(function (variable) {
      return numeric.indexOf(variable) < 0 && bindings.some(function (binding) {
        return !!binding[variable];
      });
    })[0] || variables[0];
    var valueVariable = numeric.filter(function (variable) {
      return variable !== labelVariable;
    })[0];
    if (!valueVariable) {
      return { reason: "its only column of numbers, ?" + numeric[0] + ", has no other column to label its bars" };
    }
    return { labelVariable: labelVariable, valueVariable: valueVariable, bindings: bindings };
  }

  /* An IRI as prefix:local with the longest of the page's (and the query's) prefixes that fits,
   * else its last segment (after the last # or /), else in full. */
  function shortIri(iri, prefixes) {
    var best = null;
    Object.keys(prefixes || {}).forEach(function (prefix) {
      var namespace = prefixes[prefix];
      if (typeof namespace !== "string" || !namespace || iri.indexOf(namespace) !== 0) return;
      if (iri.length === namespace.length) return;
      if (!best || namespace.length > best.namespace.length) best = { prefix: prefix, namespace: namespace };
    });
    if (best) return best.prefix + ":" + iri.slice(best.namespace.length);
    var local = /[^\/#]+$/.exec(iri);
    return local ? decodeURIComponentSafe(local[0]) : iri;
  }

  function decodeURIComponentSafe(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  function termLabel(term, prefixes) {
    if (!term) return { text: "(no value)", full: "(no value)" };
    if (term.type === "uri") return { text: shortIri(term.value, prefixes), full: term.value };
    if (term.type === "bnode") return { text: "_:" + term.value, full: "_:" + term.value };
    var full = term.value;
    if (term["xml:lang"]) full = "\u201c" + term.value + "\u201d@" + term["xml:lang"];
    return { text: term.value.replace(/\s+/g, " ").trim(), full: full };
  }

  function truncate(text, length) {
    return text.length > length ? text.slice(0, length - 1) + "\u2026" : text;
  }

  function formatNumber(number) {
    if (Number.isInteger(number) && Math.abs(number) < 1e15) return String(number);
    return String(Number(number.toPrecision(6)));
  }

  /* A "nice" tick step (1, 2 or 5 times a power of ten) for about `count` ticks. */
  function niceStep(span, count) {
    var raw = span / count;
    var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var fraction = raw / power;
    var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  var measureContext = null;
  function textWidth(text, bold) {
    if (!measureContext) {
      var canvas = document.createElement("canvas");
      measureContext = canvas.getContext && canvas.getContext("2d");
    }
    if (!measureContext) return text.length * CHART.fontSize * 0.62;
    measureContext.font = (bold ? "bold " : "") + CHART.fontSize + "px " + CHART.font;
    return measureContext.measureText(text).width;
  }

  function svgElement(name, attributes, text) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /* The chart of analyseResults' rows, as an <svg> element. */
  function drawChart(chart, prefixes, availableWidth) {
    var id = "werkagenda-chart-" + (++chartCount);
    var total = chart.bindings.length;
    var rows = chart.bindings.slice(0, CHART.maxBars).map(function (binding) {
      var label = termLabel(binding[chart.labelVariable], prefixes);
      var term = binding[chart.valueVariable];
      var value = isNumber(term) ? Number(term.value) : null;
      return {
        label: truncate(label.text, CHART.maxLabelChars),
        full: label.full,
        value: value,
        valueText: value === null ? "no value" : formatNumber(value)
      };
    });
    var values = rows.map(function (row) {
      return row.value;
    }).filter(function (value) {
      return value !== null;
    });
    var low = Math.min(0, Math.min.apply(null, values));
    var high = Math.max(0, Math.max.apply(null, values));
    if (low === high) high = 1;
    var step = niceStep(high - low, 5);
    low = Math.floor(low / step + 1e-9) * step;
    high = Math.ceil(high / step - 1e-9) * step;

    var labelWidth = Math.ceil(Math.max.apply(null, rows.map(function (row) {
      return textWidth(row.label);
    })));
    var valueWidth = Math.ceil(Math.max.apply(null, rows.map(function (row) {
      return textWidth(row.valueText);
    })));
    var width = Math.max(520, Math.min(960, Math.floor(availableWidth || 800)));
    var left = 12 + labelWidth + 10 + (low < 0 ? valueWidth + 8 : 0);
    var right = valueWidth + 18;
    var plotWidth = Math.max(120, width - left - right);
    width = left + plotWidth + right;
    var top = CHART.headingHeight;
    var plotHeight = rows.length * CHART.rowHeight;
    var height = top + plotHeight + CHART.axisHeight;
    function x(value) {
      return left + (value - low) / (high - low) * plotWidth;
    }
    function round(number) {
      return Math.round(number * 100) / 100;
    }

    var heading = chart.valueVariable + " per " + chart.labelVariable;
    var shown = rows.length < total ? " (the first " + rows.length + " of " + total + " rows)" : "";
    var summary = rows.map(function (row) {
      return row.label + ": " + row.valueText;
    }).join("; ");

    var svg = svgElement("svg", {
      "class": "werkagenda-chart",
      role: "img",
      "aria-label": "Bar chart of ?" + chart.valueVariable + " per ?" + chart.labelVariable + ", " +
        rows.length + (rows.length === 1 ? " bar" : " bars") + shown,
      "aria-describedby": id + "-desc",
      width: width,
      height: height,
      viewBox: "0 0 " + width + " " + height,
      "font-family": CHART.font,
      "font-size": CHART.fontSize,
      "data-label-variable": chart.labelVariable,
      "data-value-variable": chart.valueVariable
    });
    svg.appendChild(svgElement("title", { id: id + "-title" }, "Bar chart: " + heading + shown));
    svg.appendChild(svgElement("desc", { id: id + "-desc" },
      "Horizontal bars, one per result row in the order of the results, labelled with ?" +
        chart.labelVariable + " and as long as ?" + chart.valueVariable + ". " + summary + "."));
    svg.appendChild(svgElement("rect", { x: 0, y: 0, width: width, height: height, fill: "#ffffff" }));
    svg.appendChild(svgElement("text", {
      "class": "chart-heading", x: 12, y: 21, fill: CHART.text, "font-weight": "bold", "font-size": CHART.fontSize + 2
    }, heading + shown));

    // The value axis: grid lines with their numbers below, the variable's name under them.
    var axis = svgElement("g", { "class": "chart-axis", "aria-hidden": "true" });
    var decimals = Math.max(0, -Math.floor(Math.log(step) / Math.LN10 + 1e-9));
    for (var tick = low; tick <= high + step / 2; tick += step) {
      var value = Math.abs(tick) < step / 1e6 ? 0 : tick;
      var tx = round(x(value));
      axis.appendChild(svgElement("line", {
        x1: tx, x2: tx, y1: top - 4, y2: top + plotHeight,
        stroke: value === 0 ? CHART.axis : CHART.grid, "stroke-width": 1
      }));
      axis.appendChild(svgElement("text", {
        x: tx, y: top + plotHeight + 16, "text-anchor": "middle", fill: CHART.muted
      }, value.toFixed(decimals)));
    }
    axis.appendChild(svgElement("text", {
      "class": "chart-axis-title", x: round(left + plotWidth / 2), y: top + plotHeight + 34,
      "text-anchor": "middle", fill: CHART.text
    }, chart.valueVariable));
    svg.appendChild(axis);

    var bars = svgElement("g", { "class": "chart-bars" });
    rows.forEach(function (row, index) {
      var y = top + index * CHART.rowHeight;
      var middle = y + CHART.rowHeight / 2;
      var group = svgElement("g", { "class": "chart-row", "data-row": index + 1 });
      group.appendChild(svgElement("title", {}, row.full + ": " + row.valueText));
      group.appendChild(svgElement("text", {
        "class": "chart-label", x: left - 10 - (low < 0 ? valueWidth + 8 : 0), y: middle, dy: "0.35em",
        "text-anchor": "end", fill: CHART.text
      }, row.label));
      var start = x(0);
      var end = row.value === null ? start : x(row.value);
      group.appendChild(svgElement("rect", {
        "class": "chart-bar",
        x: round(Math.min(start, end)),
        y: round(y + (CHART.rowHeight - CHART.barHeight) / 2),
        width: round(Math.abs(end - start)),
        height: CHART.barHeight,
        fill: CHART.bar,
        "data-value": row.value === null ? "" : row.value
      }));
      var negative = row.value !== null && row.value < 0;
      group.appendChild(svgElement("text", {
        "class": "chart-value",
        x: round(negative ? end - 5 : end + 5),
        y: middle,
        dy: "0.35em",
        "text-anchor": negative ? "end" : "start",
        fill: CHART.text
      }, row.valueText));
      bars.appendChild(group);
    });
    svg.appendChild(bars);
    return svg;
  }

  function chartIcon() {
    var wrapper = document.createElement("div");
    wrapper.className = "svgImg";
    var svg = svgElement("svg", { viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" });
    svg.appendChild(svgElement("path", { fill: "currentColor", d: "M1 1h2v12h12v2H1z" }));
    svg.appendChild(svgElement("rect", { fill: "currentColor", x: 4, y: 2, width: 9, height: 2.5 }));
    svg.appendChild(svgElement("rect", { fill: "currentColor", x: 4, y: 6, width: 6, height: 2.5 }));
    svg.appendChild(svgElement("rect", { fill: "currentColor", x: 4, y: 10, width: 3.5, height: 2.5 }));
    wrapper.appendChild(svg);
    return wrapper;
  }

  /* The YASR plugin. YASR makes one per result area (tab): new ChartPlugin(yasr). */
  function ChartPlugin(yasr) {
    this.yasr = yasr;
    this.label = "Chart";
    this.priority = 5; // below the table (10): YASR falls back on the table, not on the chart
    this.helpReference = "/sparql#chart-view-help";
    this.svg = null;
    var plugin = this;
    // When the chart view is chosen but cannot draw these results, YASR draws another view and
    // says only that it "could not render results": say why.
    yasr.on("draw", function (instance, drawn) {
      if (drawn === plugin || instance.getSelectedPluginName() !== "chart") return;
      var results = instance.results;
      if (!results || (results.hasError && results.hasError())) return;
      var analysis = analyseResults(results);
      if (!analysis.reason) return;
      var box = instance.fallbackInfoEl;
      while (box.firstChild) box.removeChild(box.firstChild);
      var text = document.createElement("p");
      text.className = "chart-unavailable";
      text.textContent = "No chart for these results: " + analysis.reason + "." +
        (drawn && drawn.label ? " They are shown in the " + drawn.label + " view instead." : "");
      box.appendChild(text);
    });
  }

  ChartPlugin.prototype.canHandleResults = function () {
    return !analyseResults(this.yasr.results).reason;
  };

  ChartPlugin.prototype.getIcon = function () {
    return chartIcon();
  };

  ChartPlugin.prototype.draw = function () {
    this.svg = null;
    var analysis = analyseResults(this.yasr.results);
    var view = document.createElement("div");
    view.className = "chart-view";
    if (analysis.reason) {
      var reason = document.createElement("p");
      reason.className = "chart-unavailable";
      reason.textContent = "No chart for these results: " + analysis.reason + ".";
      view.appendChild(reason);
      this.yasr.resultsEl.appendChild(view);
      return;
    }
    this.yasr.resultsEl.appendChild(view);
    var available = this.yasr.resultsEl.clientWidth - 16;
    this.svg = drawChart(analysis, this.yasr.getPrefixes(), available > 0 ? available : 800);
    view.appendChild(this.svg);
    var note = document.createElement("p");
    note.className = "chart-note";
    note.textContent = "Bars in the order of the results; hover over a bar for its full label. " +
      "The Table view shows every column; the download button saves the chart as SVG.";
    view.appendChild(note);
  };

  ChartPlugin.prototype.download = function (filename) {
    var svg = this.svg;
    if (!svg) return undefined;
    return {
      contentType: "image/svg+xml",
      filename: (filename || "chart") + ".svg",
      title: "Download the chart (SVG)",
      getData: function () {
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + "\n";
      }
    };
  };

  ChartPlugin.prototype.destroy = function () {
    this.svg = null;
  };
  var AUTOCOMPLETERS = ["variables", PREFIX_COMPLETER];

  function byId(id) {
    return document.getElementById(id);
  }

  function setStatus(text) {
    var status = byId("examples-status");
    if (status) status.textContent = text;
  }

  function showEndpoint() {
    var code = byId("endpoint-url");
    if (code) code.textContent = ENDPOINT;
    var spans = document.querySelectorAll(".endpoint-text");
    for (var i = 0; i < spans.length; i++) spans[i].textContent = ENDPOINT;
  }

  /* YASGUI merges its configuration with lodash's merge, which merges arrays element by
   * element: a shorter list of autocompleters in the config would not remove the defaults.
   * So the defaults themselves are set here, before any editor exists. */
  function configureYasguiDefaults(Yasgui) {
    var Yasqe = Yasgui.Yasqe;
    var lines = Object.keys(PREFIXES).map(function (prefix) {
      return prefix + ": <" + PREFIXES[prefix] + ">";
    });
    // Our prefixes, as a fixed list: no prefix.cc, and nothing kept in localStorage.
    Yasqe.forkAutocompleter("prefixes", { name: PREFIX_COMPLETER, get: lines, persistenceId: null }, false);
    Yasqe.defaults.autocompleters = AUTOCOMPLETERS.slice();
    Yasqe.defaults.prefixCcApi = null;
    if (Yasgui.defaults.yasqe) Yasgui.defaults.yasqe.autocompleters = AUTOCOMPLETERS.slice();
    Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
    Yasgui.Yasr.defaults.pluginOrder = ["table", "chart", "response"];
    Yasgui.Yasr.defaults.defaultPlugin = "table";
  }

  function createYasgui(Yasgui) {
    var requestConfig = {
      endpoint: ENDPOINT,
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9"
    };
    return new Yasgui(byId("yasgui"), {
      persistenceId: null,
      autofocus: false,
      tabName: "Query",
      copyEndpointOnNewTab: false,
      corsProxy: undefined,
      // A shared link (#query=...) opens its query, but always against this endpoint.
      populateFromUrl: function (config) {
        config.requestConfig = Object.assign({}, config.requestConfig, { endpoint: ENDPOINT, method: "POST" });
        return config;
      },
      endpointCatalogueOptions: {
        getData: function () {
          return [{ endpoint: ENDPOINT }];
        }
      },
      requestConfig: requestConfig,
      yasqe: {
        value: DEFAULT_QUERY,
        autocompleters: AUTOCOMPLETERS.slice(),
        prefixCcApi: null,
        screenReaderLabel: "SPARQL query",
        editorHeight: "280px",
        resizeable: true
      },
      yasr: {
        defaultPlugin: "table",
        prefixes: PREFIXES
      }
    });
  }

  /* A few of YASGUI's controls have no accessible name: give them one, also in tabs and
   * result tables drawn later. */
  function labelControls(root) {
    function label(selector, text) {
      var elements = root.querySelectorAll(selector);
      for (var i = 0; i < elements.length; i++) {
        var element = elements[i];
        if (element.hasAttribute("aria-label")) continue;
        var value = typeof text === "function" ? text(element) : text;
        if (value) element.setAttribute("aria-label", value);
      }
    }
    label("input.autocomplete", "SPARQL endpoint");
    label("select.tableSizer", "Rows per page");
    label(".selector > select", function (select) {
      var caption = select.parentNode.querySelector(".selectorLabel");
      return caption ? "Result format for " + caption.textContent.trim() + " queries" : "Result format";
    });
    label(".CodeMirror textarea", "SPARQL query");
  }

  function keepControlsLabelled(root) {
    labelControls(root);
    if (!window.MutationObserver) return;
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        labelControls(root);
      });
    }).observe(root, { childList: true, subtree: true });
  }

  /* Opens a library query in a tab named after it (a new one, or the one opened before). */
  function openExample(yasgui, example) {
    var tab = yasgui.tabNameTaken(example.title);
    if (tab) {
      yasgui.selectTabId(tab.getId());
      tab.setQuery(example.query);
    } else {
      tab = yasgui.addTab(true, {
        name: example.title,
        yasqe: { value: example.query },
        requestConfig: { endpoint: ENDPOINT, method: "POST" }
      });
    }
    setStatus("Opened \u201c" + example.title + "\u201d in the editor: press the run button or Ctrl+Enter.");
    var yasqe = tab.getYasqe();
    if (yasqe) yasqe.focus();
  }

  function renderExamples(yasgui, library) {
    var list = byId("example-list");
    var runnable = library.filter(function (entry) {
      return entry && typeof entry.query === "string";
    });
    var skipped = library.length - runnable.length;
    runnable.forEach(function (example) {
      var item = document.createElement("li");
      item.className = "example";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "example-button";
      button.setAttribute("data-query-name", example.name);
      button.textContent = example.title;
      var descriptionId = "example-description-" + example.name;
      button.setAttribute("aria-describedby", descriptionId);
      button.addEventListener("click", function () {
        openExample(yasgui, example);
      });
      var description = document.createElement("p");
      description.className = "example-description";
      description.id = descriptionId;
      description.textContent = example.description_en || "";
      item.appendChild(button);
      item.appendChild(description);
      list.appendChild(item);
    });
    var text = runnable.length + " example queries: choosing one opens it in a new tab of the editor.";
    if (skipped > 0) {
      text += " " + skipped + " more in the query library need full SPARQL 1.1, which this endpoint does not offer yet.";
    }
    setStatus(text);
    document.body.setAttribute("data-examples-loaded", String(runnable.length));
  }

  function loadExamples(yasgui) {
    fetch("/queries/index.json", { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (library) {
        if (!Array.isArray(library)) throw new Error("unexpected format");
        renderExamples(yasgui, library);
      })
      .catch(function (error) {
        setStatus("The example queries could not be loaded (" + error.message + "). The editor still works.");
        document.body.setAttribute("data-examples-loaded", "error");
      });
  }

  function start() {
    showEndpoint();
    var Yasgui = window.Yasgui;
    if (!Yasgui) {
      setStatus("The query editor could not be loaded. Send queries to /sparql?query=... instead.");
      return;
    }
    configureYasguiDefaults(Yasgui);
    var yasgui = createYasgui(Yasgui);
    keepControlsLabelled(byId("yasgui"));
    window.werkagendaYasgui = yasgui;
    document.body.setAttribute("data-yasgui-ready", "true");
    loadExamples(yasgui);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
