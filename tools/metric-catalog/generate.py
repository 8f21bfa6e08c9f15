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
        return subprocess.run(["git", "--git-dir", self.dir, "show", self.tag + ":" + path],
                              check=True, capture_output=True, text=True).stdout

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


SOURCES = [
    # (source name in the catalog, repository, tag, reader)
    ("cAdvisor", "google/cadvisor", "v0.60.5", cadvisor),
    ("kube-state-metrics", "kubernetes/kube-state-metrics", "v2.20.0", kube_state_metrics),
]


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
    catalog = {}
    conflicts = []
    counts = []
    for source, slug, tag, reader in SOURCES:
        repo = Repo(slug, tag, git_dirs)
        added = 0
        for name, kind, labels in reader(repo):
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
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "src", "PromQL.Analyzers", "Metrics", "MetricCatalog.tsv")
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
