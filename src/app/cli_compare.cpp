// `fiducia diff A B [--json]` and `fiducia merge BASE OURS THEIRS -o OUT [--json] [--any-base]`
// (issue 6). diff always exits 0. merge exits 0 having written OUT, 1 listing every conflict (or
// what makes the result invalid) with OUT left unwritten, 2 for usage and unreadable files. When
// OURS or THEIRS record an ancestor (meta.base) that BASE is not, merge refuses (exit 1): a wrong
// base silently undoes changes; --any-base merges anyway, with a warning.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/cli_files.hpp"
#include "io/diff.hpp"
#include "io/merge.hpp"
#include "io/plan_file.hpp"

namespace fiducia::cli {

namespace {

void out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// Reads and validates one plan; prints why not and gives the exit code when it cannot be used.
std::optional<int> load(const std::string& path, io::LoadResult& loaded) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    loaded = io::load_plan(*text);
    if (!loaded.ok) {
        std::fprintf(stderr, "fiducia: %s is not a valid plan:\n", path.c_str());
        for (const std::string& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
        return 1;
    }
    if (loaded.newer_version) {
        std::fprintf(stderr, "fiducia: %s is format version %d, newer than this program's %d; compare and merge "
                             "it with the Fiducia that made it\n", path.c_str(), loaded.plan.version, io::kFormatVersion);
        return 1;
    }
    return std::nullopt;
}

std::string pct(std::optional<double> x) {
    if (!x) return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", *x * 100.0);
    return b;
}

std::string delta(std::optional<double> a, std::optional<double> b) {
    if (!a || !b) return "";
    char s[32];
    std::snprintf(s, sizeof s, "%+.1f", (*b - *a) * 100.0);
    return s;
}

std::string cell(std::string s, std::size_t width) { return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' '); }

void print_diff(const io::PlanDiff& d, const std::string& a, const std::string& b) {
    std::string s = "Comparing " + a + " (A) with " + b + " (B)\n";
    if (d.same()) s += "\nNo differences: the two plans hold the same content.\n";
    if (!d.fields.empty()) s += "\nPlan details and settings:\n";
    for (const io::FieldChange& f : d.fields)
        s += "  " + f.pointer + ": " + io::show_value(f.before) + " -> " + io::show_value(f.after) + "\n";
    std::string list;
    for (const io::EntityChange& e : d.entities) {
        if (e.list != list) {
            list = e.list;
            s += "\n" + e.list.substr(1) + ":\n";
        }
        const char* sign = e.kind == io::ChangeKind::added ? "+ added  " : e.kind == io::ChangeKind::removed ? "- removed" : "~ changed";
        s += "  " + std::string(sign) + " " + e.key + (e.label != e.key ? "  \"" + e.label + "\"" : "") + "  (" + e.pointer + ")\n";
        for (const io::FieldChange& f : e.fields)
            s += "      " + f.pointer + ": " + io::show_value(f.before) + " -> " + io::show_value(f.after) + "\n";
    }
    const io::TrustComparison& t = d.trust;
    std::size_t w = 38;  // the label column fits the longest group name
    for (const io::GroupTrust& g : t.groups) w = std::max(w, g.name.size() + 12);
    s += "\n" + cell("Trust (x100)", w + 2) + cell("A", 8) + cell("B", 8) + "change\n";
    s += "  " + cell("Trust Index, month 0", w) + cell(pct(t.index_now_a), 8) + cell(pct(t.index_now_b), 8) +
         delta(t.index_now_a, t.index_now_b) + "\n";
    const std::string horizon = t.horizon_a == t.horizon_b ? "month " + std::to_string(t.horizon_a)
                                                           : "months " + std::to_string(t.horizon_a) + " / " + std::to_string(t.horizon_b);
    s += "  " + cell("Trust Index, " + horizon, w) + cell(pct(t.index_horizon_a), 8) + cell(pct(t.index_horizon_b), 8) +
         delta(t.index_horizon_a, t.index_horizon_b) + "\n";
    for (const io::GroupTrust& g : t.groups) {
        s += "  " + cell(g.name + ", month 0", w) + cell(pct(g.now_a), 8) + cell(pct(g.now_b), 8) + delta(g.now_a, g.now_b) + "\n";
        s += "  " + cell(g.name + ", horizon", w) + cell(pct(g.horizon_a), 8) + cell(pct(g.horizon_b), 8) +
             delta(g.horizon_a, g.horizon_b) + "\n";
    }
    out(s);
}

struct Options {
    std::vector<std::string> files;
    std::string output;
    bool json = false, any_base = false;
};

// Only --output takes its value after '=' (--json=1 is an unknown option here).
const CommandSyntax kDiff{"diff", {{"--json"}}, Equals::value_options, SIZE_MAX};
const CommandSyntax kMerge{"merge", {{"--json"}, {"--any-base"}, {"--output", "-o", true}}, Equals::value_options, SIZE_MAX};

std::optional<int> parse(int argc, char** argv, const std::string& command, Options& o) {
    Arguments args;
    if (std::optional<int> code = parse_arguments(argc, argv, command == "diff" ? kDiff : kMerge, args)) return code;
    o.files = args.files;
    o.output = args.value("--output").value_or("");
    o.json = args.has("--json");
    o.any_base = args.has("--any-base");
    const std::size_t want = command == "diff" ? 2 : 3;
    if (o.files.size() != want)
        return usage_error(command == "diff" ? "'diff' needs two plan files, A and B"
                                             : "'merge' needs three plan files, BASE OURS THEIRS");
    if (command == "merge" && o.output.empty()) return usage_error("'merge' needs -o OUT, the file to write");
    return std::nullopt;
}

int diff_command(const Options& o) {
    io::LoadResult a, b;
    if (std::optional<int> code = load(o.files[0], a)) return *code;
    if (std::optional<int> code = load(o.files[1], b)) return *code;
    io::PlanDiff d = io::diff_plans(a.plan, b.plan);
    if (o.json) out(io::diff_json(d) + "\n");
    else print_diff(d, o.files[0], o.files[1]);
    return 0;
}

int merge_command(const Options& o) {
    io::LoadResult base, ours, theirs;
    for (auto [path, plan] : {std::pair{&o.files[0], &base}, std::pair{&o.files[1], &ours}, std::pair{&o.files[2], &theirs}})
        if (std::optional<int> code = load(*path, *plan)) return *code;
    const std::string base_hash = io::content_hash(base.plan);
    for (auto [path, plan] : {std::pair{&o.files[1], &ours.plan}, std::pair{&o.files[2], &theirs.plan}}) {
        if (plan->meta.base.empty() || plan->meta.base == base_hash) continue;
        std::fprintf(stderr, "fiducia: %s%s was opened from %s, but %s is %s: not the version it was made from. "
                             "Merging against another version can undo changes without a conflict%s\n",
                     o.any_base ? "warning: " : "", path->c_str(), plan->meta.base.c_str(), o.files[0].c_str(),
                     base_hash.c_str(), o.any_base ? " (merging anyway: --any-base)." : "; find that version, or pass --any-base to merge anyway.");
        if (!o.any_base) return 1;
    }
    io::MergeResult r = io::merge_plans(base.plan, ours.plan, theirs.plan);
    if (o.json) out(io::merge_report_json(r) + "\n");
    if (!r.conflicts.empty()) {
        std::string s = std::to_string(r.conflicts.size()) + (r.conflicts.size() == 1 ? " conflict" : " conflicts") +
                        ": both copies changed the same thing differently. Nothing was written.\n";
        for (const io::Conflict& c : r.conflicts) {
            s += "\n" + c.pointer + "  (" + c.label + ")\n";
            s += "  base:   " + io::show_value(c.base) + "\n";
            s += "  ours:   " + io::show_value(c.ours) + "\n";
            s += "  theirs: " + io::show_value(c.theirs) + "\n";
        }
        std::fwrite(s.data(), 1, s.size(), o.json ? stderr : stdout);
        return 1;
    }
    if (!r.ok) {
        std::string s = "The merged plan would break these rules, so nothing was written:\n";
        for (const std::string& e : r.errors) s += e + "\n";
        std::fwrite(s.data(), 1, s.size(), o.json ? stderr : stdout);
        return 1;
    }
    std::string error;
    if (!write_file(o.output, io::save_plan(r.plan), error)) {
        std::fprintf(stderr, "fiducia: %s\n", error.c_str());
        return 2;
    }
    if (!o.json)
        out("Merged into " + o.output + ": " + std::to_string(r.from_theirs) + " change" + (r.from_theirs == 1 ? "" : "s") +
            " from " + o.files[2] + " added to " + o.files[1] + ".\n");
    return 0;
}

}  // namespace

int run_compare_command(int argc, char** argv) {
    const std::string command = argv[1];
    Options o;
    if (std::optional<int> code = parse(argc, argv, command, o)) return *code;
    const int code = command == "diff" ? diff_command(o) : merge_command(o);
    std::fflush(stdout);
    return code;
}

}  // namespace fiducia::cli
