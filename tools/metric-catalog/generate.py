#!/usr/bin/env python3
"""Generates src/PromQL.Analyzers/Metrics/MetricCatalog.tsv from upstream sources read at fixed tags.

Usage: python3 tools/metric-catalog/generate.py [--check] [--git owner/name=GIT_DIR ...]

Each source is read from a local git directory (bare or not) with `git show TAG:PATH`; by default
/work/.mirror/<owner>+<name>/repo, else pass --git. See README.md for the sources and their tags.
"""
import os
import re
import subprocess
import sys

NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
LABEL = re.compile(r"^[a-z_][a-z0-9_]*$")
TYPES = ("counter", "gauge", "histogram", "summary")


class Repo:
    def __init__(self, slug, tag, git_dirs):
        self.slug = slug
        self.tag = tag
        self.dir = git_dirs.get(slug) or os.path.join("/work/.mirror", slug.replace("/", "+"), "repo")

    def show(self, path):
        text = subprocess.run(["git", "--git-dir", self.dir, "show", self.tag + ":" + path],
                              check=True, capture_output=True, text=True).stdout
        if path.endswith(".go"):
            # line comments out (a `//` at a line's start or after a space: not inside "http://..."), so that a
            # comment between a call's arguments cannot shift them
            text = re.sub(r"(^|[ \t])//[^\n]*", r"\1", text, flags=re.M)
        return text

    def files(self, under):
        out = subprocess.run(["git", "--git-dir", self.dir, "ls-tree", "-r", "--name-only", self.tag, under],
                             check=True, capture_output=True, text=True).stdout
        return [line for line in out.splitlines() if line]


def go_constants(text):
    """String constants `ident = "value"` of a Go file (const blocks and single consts)."""
    return dict(re.findall(r"^\s*(?:const\s+)?(\w+)\s*=\s*\"([^\"]*)\"", text, re.M))


def label_list(body, constants):
    """Label names of a Go []string{...} literal: quoted strings and known constants."""
    labels = []
    for item in body.split(","):
        item = item.strip()
        if not item:
            continue
        if item.startswith('"') and item.endswith('"'):
            labels.append(item[1:-1])
        elif item in constants:
            labels.append(constants[item])
        else:
            return None  # not known from the text: list no labels rather than a partial list
    return labels


# ---------------------------------------------------------------- cAdvisor
def cadvisor(repo):
    """lib/metrics/prometheus.go and prometheus_machine.go: the containerMetric/machineMetric literals
    (name, valueType, extraLabels), the descs built with prometheus.NewDesc(\"...\") and sent with
    MustNewConstMetric(desc, prometheus.XValue, ...), and the two scrape_error gauges."""
    rows = []
    texts = [repo.show("lib/metrics/prometheus.go"), repo.show("lib/metrics/prometheus_machine.go")]
    constants = {}
    for text in texts:
        constants.update(go_constants(text))
    for text in texts:
        # struct literals: each starts at `name: "..."`, its fields run to the next `name:`.
        starts = [m for m in re.finditer(r"^\s*name:\s*\"([^\"]+)\",", text, re.M)]
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            chunk = text[m.end():end]
            vt = re.search(r"valueType:\s*prometheus\.(Counter|Gauge)Value", chunk)
            if vt is None:
                raise SystemExit("cAdvisor: no valueType for " + m.group(1))
            el = re.search(r"extraLabels:\s*\[\]string\{([^}]*)\}", chunk)
            labels = label_list(el.group(1), constants) if el else []
            rows.append((m.group(1), vt.group(1).lower(), labels))
        # desc := prometheus.NewDesc("name", ..., labels, nil) then MustNewConstMetric(desc, prometheus.XValue, ...)
        for m in re.finditer(r"desc :?= prometheus\.NewDesc\(\"([^\"]+)\"", text):
            following = text[m.end():]
            following = following[:following.find("NewDesc(")] if "NewDesc(" in following else following
            sent = re.search(r"MustNewConstMetric\(desc, prometheus\.(Counter|Gauge)Value", following)
            if sent is None:
                raise SystemExit("cAdvisor: no value type sent for " + m.group(1))
            rows.append((m.group(1), sent.group(1).lower(), None))
        for m in re.finditer(r"(\w+)\s*=\s*prometheus\.NewDesc\(\"([^\"]+)\",\s*\"[^\"]*\",\s*\[\]string\{([^}]*)\}", text):
            var = m.group(1)
            sent = re.search(r"MustNewConstMetric\(" + var + r", prometheus\.(Counter|Gauge)Value", text)
            if sent:
                rows.append((m.group(2), sent.group(1).lower(), label_list(m.group(3), constants)))
        for m in re.finditer(r"prometheus\.New(Gauge|Counter)\(prometheus\.(?:Gauge|Counter)Opts\{\s*Namespace:\s*\"(\w+)\",\s*Name:\s*\"(\w+)\"", text):
            rows.append((m.group(2) + "_" + m.group(3), m.group(1).lower(), []))
    return rows


# ---------------------------------------------------------------- kube-state-metrics
def kube_state_metrics(repo):
    """docs/metrics/**/*.md: the tables' `Metric name | Metric type | ... | Labels/tags` columns.
    Label placeholders (label_POD_LABEL, ...) and names that are not plain (templated) are left out."""
    rows = []
    for path in repo.files("docs/metrics"):
        if not path.endswith(".md"):
            continue
        header = None
        for line in repo.show(path).splitlines():
            if not line.startswith("|"):
                header = None
                continue
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if header is None:
                header = [c.lower() for c in cells]
                continue
            if set(cells[0]) <= set("-: "):
                continue
            try:
                name = cells[header.index("metric name")].strip("`")
                kind = cells[header.index("metric type")].lower()
                label_cell = cells[header.index("labels/tags")] if "labels/tags" in header else ""
            except (ValueError, IndexError):
                continue
            if not NAME.match(name) or kind not in TYPES:
                continue
            labels = re.findall(r"`([^`]+)`\s*=", label_cell)
            labels = [l for l in labels if LABEL.match(l)]
            rows.append((name, kind, labels))
    return rows


# ---------------------------------------------------------------- node_exporter
OTHER_PLATFORMS = re.compile(r"_(darwin|freebsd|openbsd|netbsd|dragonfly|solaris|aix|windows|bsd|nonlinux|noncgo|cgo|kstat|sysctl|ioctl)(_\w+)?\.go$")


def go_call_args(text, start):
    """The top-level arguments of the call whose '(' is at text[start], and the index after its ')'."""
    depth, args, current, i, quote = 0, [], [], start, None
    while i < len(text):
        ch = text[i]
        if quote:
            current.append(ch)
            if ch == "\\" and quote == '"':
                current.append(text[i + 1])
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"`":
            quote = ch
            current.append(ch)
        elif ch in "([{":
            depth += 1
            if depth > 1:
                current.append(ch)
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args, i + 1
            current.append(ch)
        elif ch == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    return None, len(text)


def go_string(expr, constants):
    """A string expression made of literals and constants joined by '+', or None."""
    parts = []
    for part in expr.split("+"):
        part = part.strip()
        if len(part) >= 2 and part[0] == part[-1] == '"' and '"' not in part[1:-1]:
            parts.append(part[1:-1])
        elif part in constants:
            parts.append(constants[part])
        else:
            return None
    return "".join(parts)


def node_exporter(repo):
    """collector/*.go for Linux (and files without a platform suffix): every prometheus.NewDesc whose name is
    prometheus.BuildFQName(namespace, sub, name) or a string, with every part known from string constants of the
    package. Its type is the value type of the MustNewConstMetric calls that send the variable or field it is
    assigned to, or of the typedDesc{desc, prometheus.XValue} literal it is in; a desc whose sends disagree or are
    not found is left out (so are the names built at run time: meminfo, netstat, vmstat, ...)."""
    paths = [p for p in repo.files("collector") if p.endswith(".go") and not p.endswith("_test.go")
             and not OTHER_PLATFORMS.search(p)]
    texts = [repo.show(p) for p in paths]
    # constants: a file's own first, then the package's; a name given two values (in one file, or in two files
    # without one of its own) is not resolved, so a name built from it is left out rather than guessed
    file_constants = []
    package, seen_twice = {}, set()
    for text in texts:
        own, twice = {}, set()
        for key, value in re.findall(r"^\s*(?:const\s+)?(\w+)\s*=\s*\"([^\"]*)\"", text, re.M):
            if own.get(key, value) != value:
                twice.add(key)
            own[key] = value
        for key in twice:
            del own[key]
        for key, value in own.items():
            if package.get(key, value) != value:
                seen_twice.add(key)
            package[key] = value
        file_constants.append((own, twice))
    for key in seen_twice:
        del package[key]
    send = r"MustNewConstMetric\(\s*(?:[\w.]*\.)?(\w+),\s*prometheus\.(Counter|Gauge|Untyped)Value"
    sends_in = []  # per file: variable or field -> value types it is sent with
    for text in texts:
        sends = {}
        for m in re.finditer(send, text):
            sends.setdefault(m.group(1), set()).add(m.group(2).lower())
        sends_in.append(sends)
    # a package-level desc given to a field (`cpu: nodeCPUSecondsDesc,`) is sent under the field's name
    # and a desc put in a typedDesc literal (`desc: readsCompletedDesc, valueType: prometheus.CounterValue`) has its type
    aliases = {}
    for text, sends in zip(texts, sends_in):
        for m in re.finditer(r"(\w+):\s*(\w+Desc),", text):
            if m.group(1) != "desc":
                aliases.setdefault(m.group(2), set()).update(sends.get(m.group(1), set()))
        for m in re.finditer(r"desc:\s*(\w+),\s*valueType:\s*prometheus\.(Counter|Gauge|Untyped)Value", text):
            aliases.setdefault(m.group(1), set()).add(m.group(2).lower())
    rows = []
    for text, sends, (own, twice) in zip(texts, sends_in, file_constants):
        constants = {k: v for k, v in package.items() if k not in twice}
        constants.update(own)
        for m in re.finditer(r"prometheus\.NewDesc\(", text):
            args, after = go_call_args(text, m.end() - 1)
            if not args or len(args) < 3:
                continue
            fq = re.fullmatch(r"prometheus\.BuildFQName\(([^()]*)\)", args[0], re.S)
            if fq:
                parts = [go_string(x, constants) for x in fq.group(1).split(",")]
                if len(parts) != 3 or any(x is None for x in parts):
                    continue
                name = "_".join(x for x in parts if x)
            else:
                name = go_string(args[0], constants)
                if name is None:
                    continue
            labels = None
            lm = re.fullmatch(r"\[\]string\{(.*)\}", args[2], re.S)
            if lm:
                labels = label_list(lm.group(1).replace("\n", " ").rstrip().rstrip(","), constants)
            elif args[2] == "nil":
                labels = []
            before = text[:m.start()]
            kinds = set()
            typed = re.match(r"\s*,\s*(?:valueType:\s*)?prometheus\.(Counter|Gauge|Untyped)Value\s*,?\s*\}", text[after:])
            if re.search(r"\{\s*(?:desc:\s*)?$", before) and typed:
                kinds.add(typed.group(1).lower())  # a {desc, valueType} literal (typedDesc)
            else:
                var = re.search(r"(\w+)\s*(?::|=|:=)\s*$", before)
                if var:
                    kinds = set(sends.get(var.group(1), set()))
                    if not kinds:
                        kinds = set().union(*(other.get(var.group(1), set()) for other in sends_in))
                    kinds |= aliases.get(var.group(1), set())
            if len(kinds) == 1 and next(iter(kinds)) in TYPES:
                rows.append((name, next(iter(kinds)), labels))
    return rows



# ---------------------------------------------------------------- client_golang / component-base Opts
OPTS_CALL = re.compile(r"\bNew(Counter|Gauge|Histogram|Summary)(Vec|Func)?\(\s*&?(?:\w+\.)?(Counter|Gauge|Histogram|Summary)Opts\{")


def typed_constants(text, prefix=""):
    """String constants and variables `X = "v"` / `X string = "v"` of a Go file, keys prefixed (`plugin.`)."""
    found = {}
    for key, value in re.findall(r"^\s*(?:const\s+|var\s+)?(\w+)(?:\s+string)?\s*=\s*\"([^\"]*)\"", text, re.M):
        found[prefix + key] = None if prefix + key in found and found[prefix + key] != value else value
    return {k: v for k, v in found.items() if v is not None}


def opts_metrics(text, constants):
    """Every New{Counter,Gauge,Histogram,Summary}[Vec|Func](&XOpts{Namespace, Subsystem, Name, ...}, labels) of a
    file: the name is the non-empty parts joined by `_` (as BuildFQName does), the type the Opts kind (a constructor
    whose kind differs from its Opts' is skipped), the labels the second argument's []string{...} literal."""
    rows = []
    for m in OPTS_CALL.finditer(text):
        if m.group(1) != m.group(3):
            continue
        args, _ = go_call_args(text, text.index("(", m.start()))
        if not args:
            continue
        body = args[0][args[0].index("{") + 1:]
        fields = dict(re.findall(r"(?:^|,|\n)\s*(Namespace|Subsystem|Name):\s*([^,\n]+)", body))
        parts = [go_string(fields[f], constants) if f in fields else "" for f in ("Namespace", "Subsystem", "Name")]
        if "Name" not in fields or any(part is None for part in parts):
            continue
        labels = []
        if m.group(2) == "Vec":
            lm = re.fullmatch(r"\[\]string\{(.*)\}", args[1].strip(), re.S) if len(args) > 1 else None
            labels = label_list(lm.group(1).replace("\n", " ").rstrip().rstrip(","), constants) if lm else None
        rows.append(("_".join(part for part in parts if part), m.group(1).lower(), labels))
    return rows


def apiserver(repo):
    """pkg/endpoints/metrics/metrics.go of k8s.io/apiserver (component-base metrics Opts)."""
    text = repo.show("pkg/endpoints/metrics/metrics.go")
    return opts_metrics(text, typed_constants(text))


def coredns(repo):
    """plugin/metrics/vars/*.go (client_golang promauto Opts), `plugin.Namespace` from plugin/plugin.go."""
    constants = typed_constants(repo.show("plugin/plugin.go"), "plugin.")
    rows = []
    for path in repo.files("plugin/metrics/vars"):
        if path.endswith(".go") and not path.endswith("_test.go"):
            text = repo.show(path)
            rows.extend(opts_metrics(text, dict(constants, **typed_constants(text))))
    return rows



def prometheus_own(repo):
    """Prometheus's own prometheus_* metrics: the Opts literals of every non-test .go file, except documentation/,
    web/ui/ and tsdb/wlog/ (whose metrics are registered under a prefix given at run time,
    WrapRegistererWithPrefix); only names that come out beginning with `prometheus_` are kept (a name whose
    namespace or subsystem is a constant of another file is not resolved and left out)."""
    rows = []
    for path in repo.files("."):
        if not path.endswith(".go") or path.endswith("_test.go") or path.startswith(("documentation/", "web/ui/", "tsdb/wlog/")):
            continue
        text = repo.show(path)
        if "Opts{" in text:
            rows.extend(row for row in opts_metrics(text, typed_constants(text)) if row[0].startswith("prometheus_"))
    return rows


# ---------------------------------------------------------------- .NET (OpenTelemetry semantic conventions)
# The built-in .NET metrics (System.Diagnostics.Metrics instruments of ASP.NET Core, Kestrel, SignalR, System.Net and
# the runtime) as the OpenTelemetry Prometheus exporter stores them. Which metrics .NET emits: the `### Metric:`
# sections of the semantic conventions' .NET pages; their instrument, unit and attributes: each section's tables
# (generated from model/**/*.yaml, or frozen for .NET where the model has no definition), checked against the model.
DOTNET_DOCS = ["docs/dotnet/dotnet-aspnetcore-metrics.md", "docs/dotnet/dotnet-dns-metrics.md",
               "docs/dotnet/dotnet-http-metrics.md", "docs/dotnet/dotnet-kestrel-metrics.md",
               "docs/dotnet/dotnet-signalr-metrics.md", "docs/runtime/dotnet-metrics.md"]
# Where .NET's own code (dotnet/runtime src/libraries/System.Diagnostics.DiagnosticSource/src/System/Diagnostics/
# Metrics/RuntimeMetrics.cs) departs from the conventions: these two are created with CreateObservableCounter (so the
# exporter stores them as counters, with _total) although the conventions and the .NET docs say UpDownCounter; the
# sources disagree, so no row. And the runtime tags the GC metrics `gc.heap.generation`, not the conventions'
# `dotnet.gc.heap.generation` (as the .NET docs' built-in-metrics-runtime.md also say).
DOTNET_LEFT_OUT = {"dotnet.thread_pool.thread.count", "dotnet.thread_pool.queue.length"}
DOTNET_ATTRIBUTES = {"dotnet.gc.heap.generation": "gc.heap.generation"}
INSTRUMENTS = {"counter": "counter", "updowncounter": "gauge", "gauge": "gauge", "histogram": "histogram"}

# OpenTelemetryNames (src/PromQL.Analyzers/Metrics/OpenTelemetryNames.cs), ported rule for rule.
OTEL_UNITS = {"d": "days", "h": "hours", "min": "minutes", "s": "seconds", "ms": "milliseconds",
              "us": "microseconds", "ns": "nanoseconds", "By": "bytes", "KiBy": "kibibytes", "MiBy": "mebibytes",
              "GiBy": "gibibytes", "TiBy": "tibibytes", "KBy": "kilobytes", "MBy": "megabytes", "GBy": "gigabytes",
              "TBy": "terabytes", "B": "bytes", "KB": "kilobytes", "MB": "megabytes", "GB": "gigabytes",
              "TB": "terabytes", "m": "meters", "V": "volts", "A": "amperes", "J": "joules", "W": "watts",
              "g": "grams", "Cel": "celsius", "Hz": "hertz", "1": "", "%": "percent", "$": "dollars"}
OTEL_PER_UNITS = {"s": "second", "m": "minute", "h": "hour", "d": "day", "w": "week", "mo": "month", "y": "year"}


def _ascii_alnum(c):
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9")


def otel_sanitize(text, unit=False):
    """Characters other than ASCII letters, digits and `:` to `_`, a run of them to one; a leading digit to `_`
    (not in a unit)."""
    out = []
    last_underscore = False
    for i, c in enumerate(text):
        if not unit and i == 0 and "0" <= c <= "9":
            out.append("_")
            last_underscore = True
            continue
        if not _ascii_alnum(c) and c != ":":
            if not last_underscore:
                out.append("_")
                last_underscore = True
        else:
            out.append(c)
            last_underscore = False
    return "".join(out)


def otel_unit(unit):
    """A UCUM unit as the exporter spells it in a name: `s` -> seconds, `By/s` -> bytes_per_second, `{x}` -> ''."""
    out = []
    open_at = -1
    written = 0
    for i, c in enumerate(unit):
        if c == "{" and open_at < 0:
            open_at = i
        elif c == "}" and open_at >= 0:
            out.append(unit[written:open_at])
            written = i + 1
            open_at = -1
    out.append(unit[written:])
    bare = "".join(out)
    slash = bare.find("/")
    if 0 <= slash < len(bare) - 1:
        spelt = OTEL_UNITS.get(bare[:slash], bare[:slash]) + "_per_" + OTEL_PER_UNITS.get(bare[slash + 1:], bare[slash + 1:])
    else:
        spelt = OTEL_UNITS.get(bare, bare)
    return otel_sanitize(spelt, unit=True).strip("_")


def otel_names(name, unit, counter):
    """The names OpenTelemetryNames.For gives, in its order: the classic text format's, the counter with `_total`,
    the OpenMetrics one, the UTF-8 one (only for a name outside the legacy character set)."""
    names = []

    def add(n):
        if n and n not in names:
            names.append(n)

    punit = otel_unit(unit) if unit else ""
    sanitized = otel_sanitize(name)
    if punit and not sanitized.endswith(punit) and not (counter and sanitized.endswith(punit + "_total")):
        sanitized += "_" + punit
    add(sanitized)
    if counter and not sanitized.endswith("_total"):
        add(sanitized + "_total")
    open_metrics = name[:-len("_total")] if counter and name.endswith("_total") else name
    if punit and not open_metrics.endswith(punit):
        open_metrics += "_" + punit
    open_metrics = otel_sanitize(open_metrics)
    add(open_metrics + "_total" if counter and not open_metrics.endswith("_total") else open_metrics)
    if not NAME.match(name):
        utf8 = name
        if punit and not utf8.endswith(punit) and not (counter and utf8.endswith(punit + "_total")):
            utf8 += "_" + punit
        add(utf8 + "_total" if counter and not utf8.endswith("_total") else utf8)
    return names


def semconv_model_metrics(repo):
    """metric_name -> (instrument, unit) of every metric group in model/**/*.yaml (read by line: the group's
    `metric_name:`, `instrument:` and `unit:` keys)."""
    found = {}
    for path in repo.files("model"):
        if not path.endswith(".yaml"):
            continue
        group = None
        for line in repo.show(path).splitlines():
            m = re.match(r"^  - id:\s*(\S+)", line)
            if m:
                group = {}
                continue
            m = re.match(r"^    (metric_name|instrument|unit):\s*(.*?)\s*$", line)
            if m and group is not None:
                group[m.group(1)] = m.group(2).strip("'\"")
                if len(group) == 3:
                    found[group["metric_name"]] = (group["instrument"], group["unit"])
    return found


def semconv_sections(repo, path):
    """metric name -> the text of its `## Metric: `x`` (or `###`) section in a semantic-conventions page."""
    parts = re.split(r"^#{2,4} Metric: `([^`]+)`\s*$", repo.show(path), flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def semconv_metric(metric, body):
    """(instrument, unit, attribute names) from a section's tables: the `| Name | Instrument Type | Unit (UCUM) |`
    row of the metric, the linked first cells of the `Attribute`/`Key` tables; (None, None, []) if there is none."""
    header = None
    kind = unit = None
    attributes = []
    for line in body.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(cells[0]) <= set("-: "):
            continue
        if header[:3] == ["name", "instrument type", "unit (ucum)"] and cells[0] == "`" + metric + "`":
            kind = cells[1].lower()
            unit = cells[2].strip("`")
            continue
        m = re.match(r"^\[`([a-zA-Z0-9_.]+)`\]", cells[0])
        if m and header[0] in ("attribute", "key") and m.group(1) not in attributes:
            attributes.append(m.group(1))
    return kind, unit, attributes


def dotnet(repo):
    """The `### Metric: `x`` sections of the .NET pages, each with its own tables or, where it "follows the common
    [x](../http/http-metrics.md#...) definition", that page's section; translated as the OpenTelemetry Prometheus
    exporter stores them: every family name in the legacy character set."""
    model = semconv_model_metrics(repo)
    rows = []
    for path in DOTNET_DOCS:
        sections = semconv_sections(repo, path)
        if not sections:
            raise SystemExit(".NET: no metric section in " + path)
        for metric, body in sections.items():
            if metric in DOTNET_LEFT_OUT:
                continue
            kind, unit, attributes = semconv_metric(metric, body)
            common = re.search(r"follows the common \[[^\]]*\]\(\.\./([\w./-]+\.md)#", body)
            if kind is None and common is not None:
                kind, unit, attributes = semconv_metric(metric, semconv_sections(repo, "docs/" + common.group(1)).get(metric, ""))
            if kind not in INSTRUMENTS:
                raise SystemExit(".NET: no instrument type for %s in %s" % (metric, path))
            if metric in model and model[metric] != (kind, unit):
                raise SystemExit(".NET: %s is %s %r in %s but %s %r in the model" % ((metric, kind, unit, path) + model[metric]))
            labels = [re.sub(r"[^a-zA-Z0-9_]", "_", DOTNET_ATTRIBUTES.get(a, a)) for a in attributes]
            if not all(LABEL.match(l) for l in labels):
                raise SystemExit(".NET: attribute names of %s: %r" % (metric, attributes))
            prometheus_type = INSTRUMENTS[kind]
            for name in otel_names(metric, unit, prometheus_type == "counter"):
                if NAME.match(name):
                    rows.append((name, prometheus_type, labels))
    return rows


KUBELET_RESOURCE = "pkg/kubelet/metrics/collectors/resource_metrics.go"


def kubelet_resource(repo):
    """The kubelet's /metrics/resource endpoint, pkg/kubelet/metrics/collectors/resource_metrics.go: every
    `xDesc = metrics.NewDesc("name", help, []string{...} | nil, ...)` with the value type of the
    `metrics.NewLazyConstMetric(xDesc, metrics.XValue, ...)` calls that send it (a desc whose sends disagree or
    are not found is left out), labels from the third argument. Deprecated descs (a non-empty sixth argument, the
    version that deprecated them, such as the bare `scrape_error`) are left out: hidden in the releases after, and
    a name that general is no fact about any other exporter's series."""
    text = repo.show(KUBELET_RESOURCE)
    rows = []
    for m in re.finditer(r"\b(\w+)\s*=\s*metrics\.NewDesc\(", text):
        args, _ = go_call_args(text, m.end() - 1)
        if len(args) < 3:
            continue
        name = go_string(args[0], {})
        if name is None or (len(args) > 5 and args[5].strip() not in ('""', "")):
            continue
        kinds = set(re.findall(r"NewLazyConstMetric\(\s*" + re.escape(m.group(1)) + r"\s*,\s*metrics\.(Counter|Gauge)Value", text))
        if len(kinds) != 1:
            continue
        labels_arg = args[2].strip()
        if labels_arg == "nil":
            labels = []
        else:
            lm = re.fullmatch(r"\[\]string\{(.*)\}", labels_arg, re.S)
            labels = label_list(lm.group(1), {}) if lm else None
        rows.append((name, kinds.pop().lower(), labels))
    return rows


SOURCES = [
    # (source name in the catalog, repository, tag, reader)
    ("cAdvisor", "google/cadvisor", "v0.60.5", cadvisor),
    ("kube-state-metrics", "kubernetes/kube-state-metrics", "v2.20.0", kube_state_metrics),
    ("node_exporter", "prometheus/node_exporter", "v1.12.1", node_exporter),
    ("apiserver", "kubernetes/apiserver", "v0.36.3", apiserver),
    ("CoreDNS", "coredns/coredns", "v1.14.7", coredns),
    ("Prometheus", "prometheus/prometheus", "v3.14.0", prometheus_own),
    (".NET", "open-telemetry/semantic-conventions", "v1.44.0", dotnet),
    # kubernetes/kubernetes is too large to mirror here (1.9 GB): without a local clone (--git) the generator keeps
    # this source's rows of the committed TSV as they are, and says so (see README.md).
    ("kubelet", "kubernetes/kubernetes", "019a71ab693999e67040c1feb8e6f96ead3a0100", kubelet_resource),
]


# Sources too large to mirror on the machines this is run on: read when a clone is given, else kept as committed.
UNMIRRORED = {"kubernetes/kubernetes"}


def committed_rows(path, source, tag):
    """The rows of the committed TSV that came from `source` at `tag`, as a reader gives them."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(fields) == 5 and fields[2] == source and fields[3] == tag:
                rows.append((fields[0], fields[1], [l for l in fields[4].split(",") if l]))
    return rows


def main(argv):
    git_dirs = {}
    check = False
    args = iter(argv)
    for arg in args:
        if arg == "--check":
            check = True
        elif arg == "--git":
            slug, _, path = next(args).partition("=")
            git_dirs[slug] = path
        else:
            raise SystemExit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "src", "PromQL.Analyzers", "Metrics", "MetricCatalog.tsv")
    catalog = {}
    conflicts = []
    counts = []
    for source, slug, tag, reader in SOURCES:
        repo = Repo(slug, tag, git_dirs)
        added = 0
        if slug in UNMIRRORED and not os.path.isdir(repo.dir):
            rows = committed_rows(out, source, tag)
            counts.append("%s %s: no local clone of %s (pass --git), its %d rows kept from the committed TSV" % (source, tag, slug, len(rows)))
        else:
            rows = reader(repo)
        kinds = {}
        for name, kind, _ in rows:
            kinds.setdefault(name, set()).add(kind)
        for name in sorted(n for n, k in kinds.items() if len(k) > 1):
            conflicts.append("%s: %s %s gives it as %s; left out" % (name, source, tag, " and ".join(sorted(kinds[name]))))
        for name, kind, labels in rows:
            if len(kinds[name]) > 1:
                continue
            if not NAME.match(name) or kind not in TYPES:
                raise SystemExit("%s: bad row %r %r" % (source, name, kind))
            if name in catalog:
                first = catalog[name]
                if first[0] != kind:
                    conflicts.append("%s: %s %s says %s, kept %s %s" % (name, source, tag, kind, first[1], first[0]))
                elif first[1] == source and first[3] is not None and labels is not None:
                    first[3].extend(l for l in labels if l not in first[3])
                continue
            catalog[name] = [kind, source, tag, list(labels) if labels is not None else None]
            added += 1
        counts.append("%s %s: %d families" % (source, tag, added))
    lines = [
        "# The shipped metric catalog: name, type, source, version, label names (comma-separated). Sorted by name (ordinal).",
        "# Generated by tools/metric-catalog/generate.py; do not edit by hand. Label names are those the source gives for",
        "# the family itself (not scrape-time or base labels such as job, instance, cAdvisor's id/name/image): an unlisted label is no evidence.",
    ]
    for name in sorted(catalog, key=lambda n: n.encode()):
        kind, source, tag, labels = catalog[name]
        lines.append("\t".join([name, kind, source, tag, ",".join(labels or [])]))
    text = "\n".join(lines) + "\n"
    for line in counts:
        print(line)
    for line in conflicts:
        print("conflict: " + line)
    if check:
        with open(out, encoding="utf-8") as f:
            if f.read() != text:
                raise SystemExit("MetricCatalog.tsv is not what the generator gives")
        return
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%d rows, %d bytes -> %s" % (len(catalog), len(text.encode()), os.path.normpath(out)))


if __name__ == "__main__":
    main(sys.argv[1:])
