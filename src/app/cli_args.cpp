// The one reader of `fiducia` command lines (cli_args.hpp).
#include "app/cli_args.hpp"

#include <cstdio>

namespace fiducia::cli {

int usage_error(const std::string& reason) {
    std::fprintf(stderr, "fiducia: %s (see fiducia --help)\n", reason.c_str());
    return 2;
}

namespace {

const Option* find_option(const CommandSyntax& syntax, const std::string& spelled) {
    for (const Option& o : syntax.options) {
        if (spelled == o.name || (o.alias && spelled == o.alias)) return &o;
    }
    return nullptr;
}

}  // namespace

std::optional<int> parse_arguments(int argc, char** argv, const CommandSyntax& syntax, Arguments& args) {
    std::size_t files = 0;  // non-empty ones
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() < 2 || a[0] != '-') {
            if (files == syntax.most_files) return usage_error("unexpected argument '" + a + "'");
            files += !a.empty();
            args.files.push_back(a);
            continue;
        }
        std::optional<std::string> value;
        const std::size_t eq = a.find('=');
        if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
            const Option* named = find_option(syntax, a.substr(0, eq));
            if (syntax.equals == Equals::any_option || (named && named->takes_value)) {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
            }
        }
        const Option* option = find_option(syntax, a);
        if (!option) return usage_error("unknown option '" + a + "' for '" + syntax.command + "'");
        if (!option->takes_value && value) return usage_error("option " + a + " takes no value");
        if (option->takes_value && !value) {
            if (i + 1 >= argc) return usage_error("option " + a + " needs a value");
            value = argv[++i];
        }
        args.options[option->name] = value.value_or("");
    }
    return std::nullopt;
}

}  // namespace fiducia::cli
