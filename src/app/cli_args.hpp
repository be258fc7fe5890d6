// The command line of every `fiducia` command (src/app/cli*.cpp), read by one parser from a table
// of the options each command accepts. An argument of two or more characters starting with '-' is
// an option; any other is a file. A value comes after its option (even one starting with '-') or,
// where the command allows it, as --name=value.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fiducia::cli {

struct Option {
    const char* name;             // "--scenario"
    const char* alias = nullptr;  // "-o": the same option, spelled short
    bool takes_value = false;     // false: a flag such as --json
};

// Which arguments of the form --name=value are read as the option and its value.
enum class Equals {
    any_option,    // every one (--json=1 is then refused: "takes no value")
    value_options  // only an option that takes a value; any other is read whole, as an unknown option
};

struct CommandSyntax {
    std::string command;              // named in the error messages: "unknown option '-x' for 'diff'"
    std::vector<Option> options;
    Equals equals = Equals::any_option;
    std::size_t most_files = 1;       // files past this many are "unexpected" (an empty one counts as none)
};

struct Arguments {
    std::vector<std::string> files;               // in the order given
    std::map<std::string, std::string> options;   // by Option::name; "" for a flag
    // A one-file command's PLAN: the last file ("" when none; any before it were empty).
    std::string plan() const { return files.empty() ? "" : files.back(); }
    bool has(const std::string& name) const { return options.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

// Prints "fiducia: REASON (see fiducia --help)" to stderr; returns the exit code of a bad command line.
int usage_error(const std::string& reason);

// Reads argv[2..] (argv[1] is the command); prints the first problem and returns its exit code.
std::optional<int> parse_arguments(int argc, char** argv, const CommandSyntax& syntax, Arguments& args);

}  // namespace fiducia::cli
