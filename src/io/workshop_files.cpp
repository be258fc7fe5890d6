// Workshop files: invitation and ratings as JSON, read with the plan files' ObjectReader so their
// errors read the same; the short code as base-32 digits of the scores with a checksum.
#include "io/workshop_files.hpp"

#include <cctype>
#include <map>
#include <optional>

#include "io/json_util.hpp"

namespace fiducia::io {

namespace {

// Parses `text` and checks its header; on failure `errors` holds the reason(s) and nullopt returns,
// else the keys the file names twice.
std::optional<Json> parse_with_header(std::string_view text, const char* kind, const char* what, Errors& errors) {
    if (auto refused = precheck_text(text)) {
        errors.list.push_back(unlocated(*refused));
        return std::nullopt;
    }
    std::string error;
    std::vector<Problem> duplicates;
    std::optional<Json> doc = parse_json(text, error, &duplicates);
    if (!doc) {
        errors.list.push_back(unlocated(error));
        return std::nullopt;
    }
    const std::string not_this = std::string("not a Fiducia ") + what + ": ";
    if (!doc->is_object()) {
        errors.list.push_back(unlocated(not_this + "the file is not a JSON object"));
        return std::nullopt;
    }
    auto header = doc->find("fiducia");
    if (header == doc->end() || !header->is_string() || header->get_ref<const std::string&>() != kind) {
        errors.list.push_back(unlocated(not_this + "/fiducia must be \"" + kind + "\" (got " +
                                        (header == doc->end() ? std::string("nothing") : show(*header)) + ")"));
        return std::nullopt;
    }
    std::int64_t version = 0;
    auto v = doc->find("version");
    if (v == doc->end()) {
        errors.add("/version", rules::required());
        return std::nullopt;
    }
    if (!read_integer_value(*v, "/version", between(1, 1e9), version, errors)) return std::nullopt;
    if (version > kWorkshopFormatVersion) {
        errors.add("/version", "the file is version " + std::to_string(version) + ", newer than this app reads (" +
                                   std::to_string(kWorkshopFormatVersion) + "): open it with a newer Fiducia");
        return std::nullopt;
    }
    errors.list = std::move(duplicates);
    return doc;
}

Json headed(const char* kind) { return Json{{"fiducia", kind}, {"version", kWorkshopFormatVersion}}; }

// Moves the collected errors into a load result; ok when there are none.
template <typename Load>
void finish(Load& out, Errors& errors) {
    out.errors = texts(errors.list);
    out.ok = out.errors.empty();
}

bool read_dimension(const Json& v, const std::string& ptr, Dimension& out, Errors& errors) {
    if (const int d = v.is_string() ? dimension_index(v.get_ref<const std::string&>()) : -1; d >= 0) {
        out = static_cast<Dimension>(d);
        return true;
    }
    errors.add(ptr, rules::not_one_of(one_of(kDimensionIds.data(), kDimensionIds.size()), v));
    return false;
}

// A required array member; reports and returns nullptr when it is missing or not an array.
const Json* take_array(ObjectReader& r, const char* key, Errors& errors) {
    const Json* v = r.take(key, true);
    if (v && !v->is_array()) {
        errors.add(r.at(key), rules::not_an_array(*v));
        return nullptr;
    }
    return v;
}

// ---- the short code ----------------------------------------------------------------------------

constexpr const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's base 32
constexpr int kCheckChars = 3;

std::uint32_t fnv1a(std::string_view a, std::string_view b = {}) {
    std::uint32_t h = 2166136261u;
    for (std::string_view part : {a, std::string_view("\x1f", 1), b})
        for (unsigned char c : part) h = (h ^ c) * 16777619u;
    return h;
}

// Characters of base-32 payload that hold `cells` decimal digits: 32^L >= 10^cells; with
// importance judgements each cell is a base-60 digit (score 0..9 + 10 x importance 0..5).
std::size_t payload_chars(std::size_t cells, bool judged) {
    return judged ? (cells * 11814 + 9999) / 10000 : (cells * 3322 + 4999) / 5000;
}

int symbol_value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == c) return i;
    return -1;
}

// Converts digits (most significant first) between bases, by long division.
std::vector<int> convert_base(std::vector<int> digits, int from, int to) {
    std::vector<int> out;
    while (!digits.empty()) {
        std::vector<int> quotient;
        int remainder = 0;
        for (int d : digits) {
            const int acc = remainder * from + d;
            if (!quotient.empty() || acc / to) quotient.push_back(acc / to);
            remainder = acc % to;
        }
        out.insert(out.begin(), remainder);
        digits = std::move(quotient);
    }
    return out;
}

std::string check_symbols(const Invitation& invitation, const std::string& digits) {
    std::uint32_t h = fnv1a(invitation.id, digits) % (32u * 32u * 32u);
    std::string out(kCheckChars, '0');
    for (int i = kCheckChars - 1; i >= 0; --i, h /= 32) out[static_cast<std::size_t>(i)] = kAlphabet[h % 32];
    return out;
}

char workshop_tag(const Invitation& invitation) { return kAlphabet[fnv1a(invitation.id) % 32]; }

}  // namespace

// The header is read without building the document: opening a 10 MB plan must not parse it twice
// (once here, once in the loader). A file this misjudges is still refused whole by its loader.
std::string workshop_file_kind(std::string_view text) {
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    };
    // A string at i (just past its opening quote): its raw text, and i past the closing quote.
    auto raw_string = [&](std::string_view& out) {
        const std::size_t begin = i;
        for (; i < text.size(); ++i) {
            if (text[i] == '\\') {
                ++i;
            } else if (text[i] == '"') {
                out = text.substr(begin, i - begin);
                ++i;
                return true;
            }
        }
        return false;
    };
    skip_space();
    if (i >= text.size() || text[i] != '{') return "";
    ++i;
    for (;;) {
        skip_space();
        if (i >= text.size() || text[i] != '"') return "";
        ++i;
        std::string_view key;
        if (!raw_string(key)) return "";
        skip_space();
        if (i >= text.size() || text[i] != ':') return "";
        ++i;
        skip_space();
        if (key == "fiducia") {
            std::string_view value;
            if (i >= text.size() || text[i] != '"') return "";
            ++i;
            if (!raw_string(value) || value.find('\\') != std::string_view::npos) return "";
            return std::string(value);
        }
        int depth = 0;  // skip the value: strings, and brackets to their match
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '"') {
                ++i;
                std::string_view ignored;
                if (!raw_string(ignored)) return "";
                --i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) return "";  // the object ended without the header
                --depth;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        if (i >= text.size()) return "";
        ++i;
    }
}

InvitationLoad load_invitation(std::string_view text) {
    InvitationLoad out;
    Errors errors;
    std::optional<Json> doc = parse_with_header(text, "workshop", "workshop invitation", errors);
    if (!doc) {
        finish(out, errors);
        return out;
    }
    ObjectReader r(*doc, "", errors);
    r.take("fiducia");
    r.take("version");
    Invitation& inv = out.invitation;
    r.id("id", inv.id);
    r.string("title", inv.title);
    if (const Json* list = take_array(r, "stakeholders", errors)) {
        if (list->empty()) errors.add("/stakeholders", "must name at least one stakeholder group to score");
        if (list->size() > kMaxInvitedStakeholders)
            errors.add("/stakeholders", "must name at most " + std::to_string(kMaxInvitedStakeholders) +
                                            " groups (got " + std::to_string(list->size()) + ")");
        std::map<std::string, std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ptr = child("/stakeholders", i);
            const Json& item = (*list)[i];
            if (!item.is_object()) {
                errors.add(ptr, rules::not_an_object(item));
                continue;
            }
            ObjectReader g(item, ptr, errors);
            Invitation::Group group;
            if (g.id("id", group.id) && !seen.emplace(group.id, ptr).second)
                errors.add(g.at("id"), rules::not_unique(group.id, seen[group.id]));
            g.string("name", group.name, true);
            inv.stakeholders.push_back(std::move(group));
        }
    }
    if (const Json* dims = r.take("dimensions")) {
        if (!dims->is_array() || dims->empty()) {
            errors.add("/dimensions", "must be a non-empty array of dimensions (got " + show(*dims) + ")");
        } else {
            inv.dimensions.clear();
            for (std::size_t i = 0; i < dims->size(); ++i) {
                Dimension d{};
                if (!read_dimension((*dims)[i], child("/dimensions", i), d, errors)) continue;
                for (Dimension seen : inv.dimensions)
                    if (seen == d) errors.add(child("/dimensions", i), "must not repeat a dimension (got " + show((*dims)[i]) + ")");
                inv.dimensions.push_back(d);
            }
        }
    }
    finish(out, errors);
    return out;
}

std::string save_invitation(const Invitation& invitation) {
    Json j = headed("workshop");
    j["id"] = invitation.id;
    j["title"] = invitation.title;
    j["stakeholders"] = Json::array();
    for (const Invitation::Group& g : invitation.stakeholders) j["stakeholders"].push_back({{"id", g.id}, {"name", g.name}});
    j["dimensions"] = Json::array();
    for (Dimension d : invitation.dimensions) j["dimensions"].push_back(kDimensionIds[static_cast<std::size_t>(d)]);
    return dump_pretty(j) + "\n";
}

RatingsLoad load_ratings(std::string_view text, const Invitation* against) {
    RatingsLoad out;
    Errors errors;
    std::optional<Json> doc = parse_with_header(text, "ratings", "ratings file", errors);
    if (!doc) {
        finish(out, errors);
        return out;
    }
    ObjectReader r(*doc, "", errors);
    r.take("fiducia");
    r.take("version");
    RatingsFile& rf = out.ratings;
    if (r.id("workshop", rf.workshop) && against && rf.workshop != against->id)
        errors.add("/workshop", "is from another workshop (got " + show(Json(rf.workshop)) + ", this one is " +
                                    show(Json(against->id)) + ")");
    if (const Json* p = r.take("participant")) {
        if (!p->is_object()) {
            errors.add("/participant", rules::not_an_object(*p));
        } else {
            ObjectReader pr(*p, "/participant", errors);
            pr.id("id", rf.participant_id, false);
            pr.string("name", rf.name);
        }
    }
    // One cell of the scoring grid: an invited stakeholder group and a dimension scored in this workshop.
    auto read_cells = [&](const char* key, const char* value_key, int highest, bool required, auto add) {
        const Json* list = required ? take_array(r, key, errors) : r.take(key);
        if (!list) return;
        if (!list->is_array()) {
            errors.add(r.at(key), rules::not_an_array(*list));
            return;
        }
        std::map<std::pair<std::string, int>, std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ptr = child(std::string("/") + key, i);
            const Json& item = (*list)[i];
            if (!item.is_object()) {
                errors.add(ptr, rules::not_an_object(item));
                continue;
            }
            ObjectReader s(item, ptr, errors);
            std::string stakeholder;
            bool ok = s.id("stakeholder", stakeholder);
            if (ok && against) {
                bool invited = false;
                for (const Invitation::Group& g : against->stakeholders) invited = invited || g.id == stakeholder;
                if (!invited) {
                    errors.add(s.at("stakeholder"), "must name a stakeholder group of this workshop (got " +
                                                        show(Json(stakeholder)) + ")");
                    ok = false;
                }
            }
            int d = 0;
            if (s.enumeration("dimension", kDimensionIds, d, true)) {
                bool asked = !against;
                for (Dimension a : against ? against->dimensions : std::vector<Dimension>{}) asked = asked || a == static_cast<Dimension>(d);
                if (!asked) errors.add(s.at("dimension"), "is not scored in this workshop (got " + show(item["dimension"]) + ")");
                ok = ok && asked;
            } else {
                ok = false;
            }
            std::int64_t value = 0;
            ok = s.integer(value_key, value, between(1, highest), true) && ok;
            if (ok) {
                auto [it, fresh] = seen.emplace(std::make_pair(stakeholder, d), ptr);
                if (!fresh) errors.add(ptr, std::string(key == std::string("ratings") ? "scores" : "judges") +
                                                " the same stakeholder and dimension twice (also at " + it->second + ")");
            }
            add(stakeholder, static_cast<Dimension>(d), static_cast<int>(value));
        }
    };
    read_cells("ratings", "score", 9, true, [&](const std::string& g, Dimension d, int v) { rf.ratings.push_back({g, d, v}); });
    read_cells("importance", "importance", 5, false,
               [&](const std::string& g, Dimension d, int v) { rf.importance.push_back({g, d, v}); });
    finish(out, errors);
    return out;
}

std::string save_ratings(const RatingsFile& ratings) {
    Json j = headed("ratings");
    j["workshop"] = ratings.workshop;
    j["participant"] = Json::object();
    if (!ratings.participant_id.empty()) j["participant"]["id"] = ratings.participant_id;
    if (!ratings.name.empty()) j["participant"]["name"] = ratings.name;
    j["ratings"] = Json::array();
    for (const Score& s : ratings.ratings)
        j["ratings"].push_back({{"stakeholder", s.stakeholder},
                                {"dimension", kDimensionIds[static_cast<std::size_t>(s.dimension)]},
                                {"score", s.score}});
    if (!ratings.importance.empty()) {  // README "Workshop files": written only when judged
        j["importance"] = Json::array();
        for (const Judgement& s : ratings.importance)
            j["importance"].push_back({{"stakeholder", s.stakeholder},
                                       {"dimension", kDimensionIds[static_cast<std::size_t>(s.dimension)]},
                                       {"importance", s.importance}});
    }
    return dump_pretty(j) + "\n";
}

Invitation invitation_for(const Plan& plan) {
    Invitation inv;
    inv.id = plan.workshop.id;
    inv.title = plan.workshop.title;
    for (const Stakeholder& s : plan.stakeholders)
        for (const std::string& id : plan.workshop.stakeholders)
            if (id == s.id) inv.stakeholders.push_back({s.id, s.name});
    return inv;
}

std::string ratings_code(const Invitation& invitation, const RatingsFile& ratings) {
    // One digit per cell, in invitation order: the score, or 0 for "not sure"; with judgements,
    // score + 10 x importance (0: not judged). The checksum covers the scores, then the judgements.
    const bool judged = !ratings.importance.empty();
    std::string digits, judgements;
    std::vector<int> cells;
    for (const Invitation::Group& g : invitation.stakeholders)
        for (Dimension d : invitation.dimensions) {
            int value = 0, importance = 0;
            for (const Score& s : ratings.ratings)
                if (s.stakeholder == g.id && s.dimension == d) value = s.score;
            for (const Judgement& j : ratings.importance)
                if (j.stakeholder == g.id && j.dimension == d) importance = j.importance;
            cells.push_back(judged ? value + 10 * importance : value);
            digits += static_cast<char>('0' + value);
            judgements += static_cast<char>('0' + importance);
        }
    std::vector<int> payload = convert_base(cells, judged ? 60 : 10, 32);
    std::string body(1, workshop_tag(invitation));
    body += std::string(payload_chars(cells.size(), judged) - payload.size(), '0');
    for (int v : payload) body += kAlphabet[v];
    body += check_symbols(invitation, judged ? digits + "/" + judgements : digits);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += '-';
        out += body[i];
    }
    return out;
}

RatingsLoad read_ratings_code(std::string_view code, const Invitation& invitation) {
    RatingsLoad out;
    std::vector<int> symbols;
    for (char c : code) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        const int v = symbol_value(c);
        if (v < 0) {
            out.errors.push_back(std::string("the code has a character that codes never use (got \"") + c +
                                 "\"): codes use the digits and the letters A to Z except I, L, O and U");
            return out;
        }
        symbols.push_back(v);
    }
    const std::size_t cells = invitation.stakeholders.size() * invitation.dimensions.size();
    const std::size_t plain = 1 + payload_chars(cells, false) + kCheckChars;
    const std::size_t with_judgements = 1 + payload_chars(cells, true) + kCheckChars;
    if (symbols.size() != plain && symbols.size() != with_judgements) {
        out.errors.push_back("the code should have " + std::to_string(plain) + " characters for this workshop, or " +
                             std::to_string(with_judgements) + " with importance (got " + std::to_string(symbols.size()) +
                             "): a character is missing or extra, or it is from another workshop");
        return out;
    }
    const bool judged = symbols.size() == with_judgements;
    if (kAlphabet[symbols[0]] != workshop_tag(invitation)) {
        out.errors.push_back("the code is from another workshop, or its first character is mistyped (every code of this workshop starts with " +
                             std::string(1, workshop_tag(invitation)) + ")");
        return out;
    }
    std::vector<int> payload(symbols.begin() + 1, symbols.end() - kCheckChars);
    while (!payload.empty() && payload.front() == 0) payload.erase(payload.begin());
    std::vector<int> values = convert_base(payload, 32, judged ? 60 : 10);
    std::string typed_check;
    for (auto it = symbols.end() - kCheckChars; it != symbols.end(); ++it) typed_check += kAlphabet[*it];
    bool fits = values.size() <= cells;
    for (int v : values) fits = fits && v / 10 <= 5;
    if (!fits) {
        out.errors.push_back("the code does not check out: a character is mistyped. Compare it with the participant's screen");
        return out;
    }
    values.insert(values.begin(), cells - values.size(), 0);
    std::string digits, judgements;
    for (int v : values) {
        digits += static_cast<char>('0' + v % 10);
        judgements += static_cast<char>('0' + v / 10);
    }
    if (check_symbols(invitation, judged ? digits + "/" + judgements : digits) != typed_check) {
        out.errors.push_back("the code does not check out: a character is mistyped, or it is from another workshop. "
                             "Compare it with the participant's screen");
        return out;
    }
    out.ratings.workshop = invitation.id;
    out.ratings.participant_id = "code-" + short_id((judged ? digits + judgements : digits) + invitation.id, 8);
    const std::size_t dims = invitation.dimensions.size();
    for (std::size_t i = 0; i < cells; ++i) {
        const std::string& group = invitation.stakeholders[i / dims].id;
        const Dimension dimension = invitation.dimensions[i % dims];
        if (values[i] % 10 != 0) out.ratings.ratings.push_back({group, dimension, values[i] % 10});  // 0: not sure
        if (values[i] / 10 != 0) out.ratings.importance.push_back({group, dimension, values[i] / 10});
    }
    out.ok = true;
    return out;
}

std::string short_id(std::string_view seed, std::size_t length) {
    std::string out;
    std::uint32_t h = fnv1a(seed);
    for (std::size_t i = 0; i < length; ++i) {
        if (i % 6 == 0 && i > 0) h = fnv1a(seed, out);  // 6 symbols use 30 of the 32 bits
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(kAlphabet[h % 32])));
        h /= 32;
    }
    return out;
}

}  // namespace fiducia::io
