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
    Yasgui.Yasr.defaults.pluginOrder = ["table", "response"];
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
      return entry && !entry.full_sparql_only && typeof entry.query === "string";
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
