// autodidacta-train: local fine-tuning of a GGUF chat model on its own conversations.
//
// Built against llama.cpp's static libraries (public llama.h / ggml / gguf API only) with
// the patches in native/llama/patches, which add what stock llama-finetune lacks:
// a node budget for training graphs of real depth (0001), prompt masking (0002) and
// gradients through K and V (0003, needs --batch == the context, the default).
//
// Subcommands (see usage()): train, eval, generate, info.
// Protocol: stdout carries only JSON lines ({"event":...}); human logs go to stderr.
// Every failure prints one {"event":"error","message":...} line and exits 1; bad
// arguments exit 2 with the usage on stderr; SIGINT/SIGTERM exit 130 without output.

#include "ggml-backend.h"
#include "ggml-opt.h"
#include "ggml.h"
#include "gguf.h"
#include "llama.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <clocale>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#ifndef _WIN32
#include <unistd.h>
#else
#include <io.h>
#include <process.h>
#endif

#ifndef AUTODIDACTA_LLAMA_VERSION
#define AUTODIDACTA_LLAMA_VERSION "unknown"
#endif

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// output protocol, errors, signals

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

static std::atomic<bool> g_stop{false};
static bool              g_verbose = false;
// the temp file of a save in progress: removed on every way out, so a killed or failed
// run never leaves a half-written model next to the real one
static std::string       g_tmp_path;

static void emit(const json & j) {
    // replace, not throw, on invalid UTF-8: generated text may end inside a multi-byte char
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    fwrite(s.data(), 1, s.size(), stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

static void remove_tmp() {
    if (!g_tmp_path.empty()) {
        std::error_code ec;
        fs::remove(g_tmp_path, ec);
        g_tmp_path.clear();
    }
}

[[noreturn]] static void exit_cancelled() {
    remove_tmp();
    fprintf(stderr, "autodidacta-train: interrupted, nothing written\n");
    emit({{"event", "cancelled"}, {"message", "interrupted by signal"}});
    fflush(stderr);
    // _Exit: we may be inside a ggml callback with worker threads around; there is
    // nothing left to flush or save, so skip static destructors
    std::_Exit(130);
}

static void check_stop() {
    if (g_stop.load()) {
        exit_cancelled();
    }
}

static void on_signal(int) {
    if (g_stop.exchange(true)) {
        // second signal: the user insists, do not wait for the current step
        std::_Exit(130);
    }
}

static void on_ggml_abort(const char * message) {
    // GGML_ASSERT/GGML_ABORT: report it in the protocol instead of dying silently
    fprintf(stderr, "autodidacta-train: ggml abort: %s\n", message);
    remove_tmp();
    emit({{"event", "error"}, {"message", std::string("ggml: ") + message}});
    std::_Exit(1);
}

static void log_cb(enum ggml_log_level level, const char * text, void *) {
    static enum ggml_log_level last = GGML_LOG_LEVEL_INFO;
    if (level == GGML_LOG_LEVEL_CONT) {
        level = last;
    } else {
        last = level;
    }
    // llama.cpp is chatty at INFO; keep stderr readable unless asked
    if (g_verbose || level >= GGML_LOG_LEVEL_WARN) {
        fputs(text, stderr);
    }
}

#define LOGI(...) fprintf(stderr, __VA_ARGS__)

// ---------------------------------------------------------------------------------------
// arguments

struct Args {
    std::string                        cmd;
    std::map<std::string, std::string> kv;
    std::set<std::string>              flags;

    bool has(const std::string & k) const { return kv.count(k) > 0; }
    std::string str(const std::string & k, const std::string & def = "") const {
        auto it = kv.find(k);
        return it == kv.end() ? def : it->second;
    }
    std::string req(const std::string & k) const {
        if (!has(k)) {
            throw UsageError(cmd + ": --" + k + " is required");
        }
        return kv.at(k);
    }
    long long integer(const std::string & k, long long def, long long lo, long long hi) const {
        if (!has(k)) {
            return def;
        }
        const std::string & s = kv.at(k);
        char * end = nullptr;
        errno = 0;
        const long long v = strtoll(s.c_str(), &end, 10);
        if (s.empty() || *end != '\0' || errno != 0 || v < lo || v > hi) {
            throw UsageError("--" + k + " must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got '" + s + "'");
        }
        return v;
    }
    double number(const std::string & k, double def, double lo, double hi) const {
        if (!has(k)) {
            return def;
        }
        const std::string & s = kv.at(k);
        char * end = nullptr;
        const double v = strtod(s.c_str(), &end);
        if (s.empty() || *end != '\0' || !std::isfinite(v) || v < lo || v > hi) {
            throw UsageError("--" + k + " must be a number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got '" + s + "'");
        }
        return v;
    }
};

static const char * USAGE =
    "usage: autodidacta-train <command> [options]\n"
    "\n"
    "  train    --base BASE.gguf --train train.jsonl [--valid valid.jsonl] --out OUT.gguf\n"
    "           [--epochs 3] [--ctx 256] [--batch 256] [--lr 1e-4] [--lr-min 1e-5]\n"
    "           [--weight-decay 0] [--freeze-layers 0] [--seed 42] [--threads N] [--no-mask-prompt]\n"
    "  eval     --model M.gguf --data valid.jsonl [--ctx 256] [--threads N]\n"
    "  generate --model M.gguf --data valid.jsonl [--max-tokens 96] [--limit 20] [--ctx 256] [--threads N]\n"
    "  info     --model M.gguf\n"
    "\n"
    "  every command also takes --verbose (llama.cpp's own logs on stderr)\n"
    "  input lines: {\"messages\":[{\"role\":\"system|user|assistant\",\"content\":\"...\"},...],\"metadata\":{...}}\n"
    "  the last message is the assistant answer; stdout is JSON lines, stderr is for humans\n";

static Args parse_args(int argc, char ** argv) {
    if (argc < 2) {
        throw UsageError("missing command");
    }
    Args a;
    a.cmd = argv[1];
    static const std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> spec = {
        {"train",    {{"base", "train", "valid", "out", "epochs", "ctx", "batch", "lr", "lr-min", "weight-decay", "freeze-layers", "seed", "threads"},
                      {"no-mask-prompt", "verbose"}}},
        {"eval",     {{"model", "data", "ctx", "threads"}, {"verbose"}}},
        {"generate", {{"model", "data", "max-tokens", "limit", "ctx", "threads"}, {"verbose"}}},
        {"info",     {{"model"}, {"verbose"}}},
    };
    if (a.cmd == "-h" || a.cmd == "--help" || a.cmd == "help") {
        fputs(USAGE, stderr);
        exit(0);
    }
    auto it = spec.find(a.cmd);
    if (it == spec.end()) {
        throw UsageError("unknown command '" + a.cmd + "'");
    }
    const auto & with_value = it->second.first;
    const auto & flags      = it->second.second;
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0) {
            throw UsageError("unexpected argument '" + s + "'");
        }
        s = s.substr(2);
        std::string value;
        bool        inline_value = false;
        const auto  eq           = s.find('=');
        if (eq != std::string::npos) {
            value        = s.substr(eq + 1);
            s            = s.substr(0, eq);
            inline_value = true;
        }
        if (flags.count(s)) {
            if (inline_value) {
                throw UsageError("--" + s + " takes no value");
            }
            a.flags.insert(s);
        } else if (with_value.count(s)) {
            if (!inline_value) {
                if (i + 1 >= argc) {
                    throw UsageError("--" + s + " needs a value");
                }
                value = argv[++i];
            }
            a.kv[s] = value;
        } else {
            throw UsageError(a.cmd + ": unknown option --" + s);
        }
    }
    g_verbose = a.flags.count("verbose") > 0;
    return a;
}

static int default_threads() {
    // matrix work saturates a physical core; above 4 logical CPUs assume SMT pairs (as
    // llama.cpp's own default does with physical cores) and use half. --threads overrides.
    const unsigned n = std::thread::hardware_concurrency();
    if (n == 0) {
        return 4;
    }
    return n <= 4 ? (int) n : (int) (n / 2);
}

// ---------------------------------------------------------------------------------------
// GGUF metadata helpers (no model load: cheap and works for any architecture)

struct GgufFile {
    gguf_context * gguf = nullptr;
    ggml_context * meta = nullptr;  // tensor descriptions only (no_alloc)

    explicit GgufFile(const std::string & path) {
        gguf_init_params p = {/*.no_alloc =*/ true, /*.ctx =*/ &meta};
        gguf = gguf_init_from_file(path.c_str(), p);
        if (!gguf) {
            throw Failure("cannot read GGUF file '" + path + "' (missing, unreadable or not a GGUF model)");
        }
    }
    ~GgufFile() {
        if (gguf) gguf_free(gguf);
        if (meta) ggml_free(meta);
    }
    GgufFile(const GgufFile &)             = delete;
    GgufFile & operator=(const GgufFile &) = delete;

    int64_t key(const std::string & k) const { return gguf_find_key(gguf, k.c_str()); }

    std::string str(const std::string & k, const std::string & def = "") const {
        const int64_t id = key(k);
        if (id < 0 || gguf_get_kv_type(gguf, id) != GGUF_TYPE_STRING) {
            return def;
        }
        return gguf_get_val_str(gguf, id);
    }
    bool has_str(const std::string & k) const {
        const int64_t id = key(k);
        return id >= 0 && gguf_get_kv_type(gguf, id) == GGUF_TYPE_STRING;
    }
    // any integer type: writers disagree on u32 vs i32 vs u64
    bool integer(const std::string & k, int64_t & out) const {
        const int64_t id = key(k);
        if (id < 0) {
            return false;
        }
        switch (gguf_get_kv_type(gguf, id)) {
            case GGUF_TYPE_UINT8:  out = gguf_get_val_u8(gguf, id);  return true;
            case GGUF_TYPE_INT8:   out = gguf_get_val_i8(gguf, id);  return true;
            case GGUF_TYPE_UINT16: out = gguf_get_val_u16(gguf, id); return true;
            case GGUF_TYPE_INT16:  out = gguf_get_val_i16(gguf, id); return true;
            case GGUF_TYPE_UINT32: out = gguf_get_val_u32(gguf, id); return true;
            case GGUF_TYPE_INT32:  out = gguf_get_val_i32(gguf, id); return true;
            case GGUF_TYPE_UINT64: out = (int64_t) gguf_get_val_u64(gguf, id); return true;
            case GGUF_TYPE_INT64:  out = gguf_get_val_i64(gguf, id); return true;
            default: return false;
        }
    }
};

// ---------------------------------------------------------------------------------------
// dataset: JSONL chat examples

struct Message {
    std::string role;
    std::string content;
};

struct Example {
    std::vector<Message> messages;
    int                  line = 0;
};

static std::vector<Example> load_jsonl(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Failure("cannot open dataset '" + path + "'");
    }
    std::vector<Example> out;
    std::string          line;
    int                  lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        // strict on purpose: these files are written by the app, a malformed line is a
        // bug to surface, not a sample to drop silently
        const std::string where = path + ":" + std::to_string(lineno) + ": ";
        json j;
        try {
            j = json::parse(line);
        } catch (const std::exception & e) {
            throw Failure(where + "invalid JSON (" + e.what() + ")");
        }
        if (!j.is_object() || !j.contains("messages") || !j["messages"].is_array()) {
            throw Failure(where + "expected an object with a \"messages\" array");
        }
        Example ex;
        ex.line = lineno;
        for (const auto & m : j["messages"]) {
            if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content") || !m["content"].is_string()) {
                throw Failure(where + "every message needs string \"role\" and \"content\"");
            }
            ex.messages.push_back({m["role"].get<std::string>(), m["content"].get<std::string>()});
        }
        if (ex.messages.empty() || ex.messages.back().role != "assistant") {
            throw Failure(where + "the last message must be the assistant's answer");
        }
        out.push_back(std::move(ex));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// chat formatting and tokenization, shared by train/eval/generate so the validation
// metric sees exactly what training saw

struct Encoded {
    std::vector<llama_token> tokens;
    int32_t n_prompt = 0;  // tokens[0, n_prompt) are context, no targets
    int32_t n_target = 0;  // tokens[n_prompt, n_prompt + n_target) are the answer + its end token
};

class ChatEncoder {
  public:
    ChatEncoder(const llama_model * model, bool quiet) : vocab_(llama_model_get_vocab(model)) {
        add_bos_ = llama_vocab_get_add_bos(vocab_);
        bos_     = llama_vocab_bos(vocab_);
        end_     = llama_vocab_eot(vocab_) != LLAMA_TOKEN_NULL ? llama_vocab_eot(vocab_) : llama_vocab_eos(vocab_);

        const char * t = llama_model_chat_template(model, nullptr);
        const std::vector<Message> probe = {{"system", "s"}, {"user", "u"}, {"assistant", "a"}};
        if (t == nullptr) {
            fallback_reason_ = "the model has no chat template";
        } else {
            tmpl_ = t;
            if (apply_raw(tmpl_.c_str(), probe, probe.size(), false) == nullptr) {
                fallback_reason_ = "its chat template is not one llama_chat_apply_template supports";
            }
        }
        if (!fallback_reason_.empty()) {
            tmpl_ = "chatml";
            if (!quiet) {
                LOGI("chat template: %s, falling back to ChatML\n", fallback_reason_.c_str());
            }
        } else if (!quiet) {
            LOGI("chat template: the model's own\n");
        }
    }

    bool        uses_fallback() const { return !fallback_reason_.empty(); }
    llama_token bos() const { return add_bos_ ? bos_ : LLAMA_TOKEN_NULL; }

    // formats messages[0, n); add_ass appends the assistant turn header (generation prompt)
    std::string format(const std::vector<Message> & msgs, size_t n, bool add_ass) const {
        std::unique_ptr<std::string> s = apply_raw(tmpl_.c_str(), msgs, n, add_ass);
        if (!s) {
            throw Failure("llama_chat_apply_template failed");
        }
        return *s;
    }

    // special tokens PARSED: "<|im_start|>" becomes its control token, as at inference
    std::vector<llama_token> tokenize(const std::string & text, bool with_bos) const {
        std::vector<llama_token> toks(text.size() + 8);
        int32_t n = llama_tokenize(vocab_, text.data(), (int32_t) text.size(), toks.data(), (int32_t) toks.size(), false, true);
        if (n < 0) {
            if (n == INT32_MIN) {
                throw Failure("text too long to tokenize");
            }
            toks.resize(-n);
            n = llama_tokenize(vocab_, text.data(), (int32_t) text.size(), toks.data(), (int32_t) toks.size(), false, true);
        }
        if (n < 0) {
            throw Failure("tokenization failed");
        }
        toks.resize(n);
        // BOS by hand, not via add_special: that would also append EOS on vocabs that ask for
        // it, and would double a BOS some templates already write as text
        if (with_bos && add_bos_ && bos_ != LLAMA_TOKEN_NULL && (toks.empty() || toks[0] != bos_)) {
            toks.insert(toks.begin(), bos_);
        }
        return toks;
    }

    Encoded encode(const Example & ex) {
        const size_t n      = ex.messages.size();
        const std::string prompt = format(ex.messages, n - 1, true);
        const std::string full   = format(ex.messages, n, false);
        // Tokenize the whole conversation, as a server does when it sees the history, and
        // find the answer's first token by the generation prompt's tokens being a prefix.
        // (Tokenizing the answer on its own would differ: SentencePiece vocabs then add a
        // leading space piece to it that generation after "assistant\n" never produces.)
        Encoded e;
        e.tokens = tokenize(full, true);
        const std::vector<llama_token> p = tokenize(prompt, true);
        if (full.compare(0, prompt.size(), prompt) != 0) {
            ++n_string_boundary_mismatch;
        }
        size_t k = 0;
        while (k < p.size() && k < e.tokens.size() && p[k] == e.tokens[k]) {
            ++k;
        }
        if (k != p.size()) {
            // a merge across the boundary: the targets start at the first differing token
            ++n_token_boundary_mismatch;
        }
        e.n_prompt = (int32_t) k;
        // the target ends at the answer's first end-of-generation token (e.g. <|im_end|>):
        // that is where generation stops, what follows it (a newline) is never generated
        int32_t end = -1;
        for (int32_t i = e.n_prompt; i < (int32_t) e.tokens.size(); ++i) {
            if (llama_vocab_is_eog(vocab_, e.tokens[i])) {
                end = i;
                break;
            }
        }
        if (end < 0 && end_ != LLAMA_TOKEN_NULL) {
            // the template writes no end token: add one, or the model never learns to stop
            e.tokens.push_back(end_);
            end = (int32_t) e.tokens.size() - 1;
            ++n_end_added;
        }
        if (end < 0) {
            end = (int32_t) e.tokens.size() - 1;
        }
        if (e.n_prompt == 0) {
            // nothing precedes the first answer token, so it cannot be a target
            e.n_prompt = 1;
        }
        e.n_target = std::max(0, end - e.n_prompt + 1);
        return e;
    }

    // Fits an example into n_ctx tokens: drop what follows the target, then cut the prompt
    // from the left (keeping BOS), never the answer. False when the answer alone does not fit.
    bool fit(Encoded & e, int32_t n_ctx) const {
        if (e.n_target <= 0) {
            return false;
        }
        if ((int32_t) e.tokens.size() <= n_ctx) {
            return true;
        }
        e.tokens.resize(e.n_prompt + e.n_target);
        if ((int32_t) e.tokens.size() <= n_ctx) {
            return true;
        }
        const int32_t keep_bos = (bos() != LLAMA_TOKEN_NULL && !e.tokens.empty() && e.tokens[0] == bos_) ? 1 : 0;
        const int32_t room     = n_ctx - e.n_target - keep_bos;  // prompt tokens we can keep
        if (room < 1) {
            return false;
        }
        std::vector<llama_token> t;
        t.reserve(n_ctx);
        if (keep_bos) {
            t.push_back(bos_);
        }
        t.insert(t.end(), e.tokens.begin() + (e.n_prompt - room), e.tokens.end());
        e.tokens   = std::move(t);
        e.n_prompt = keep_bos + room;
        return true;
    }

    int n_token_boundary_mismatch  = 0;
    int n_string_boundary_mismatch = 0;
    int n_end_added                = 0;

  private:
    std::unique_ptr<std::string> apply_raw(const char * tmpl, const std::vector<Message> & msgs, size_t n, bool add_ass) const {
        std::vector<llama_chat_message> chat;
        size_t                          total = 0;
        for (size_t i = 0; i < n; ++i) {
            chat.push_back({msgs[i].role.c_str(), msgs[i].content.c_str()});
            total += msgs[i].content.size() + msgs[i].role.size();
        }
        std::vector<char> buf(2 * total + 256);
        int32_t r = llama_chat_apply_template(tmpl, chat.data(), chat.size(), add_ass, buf.data(), (int32_t) buf.size());
        if (r > (int32_t) buf.size()) {
            buf.resize(r);
            r = llama_chat_apply_template(tmpl, chat.data(), chat.size(), add_ass, buf.data(), (int32_t) buf.size());
        }
        if (r < 0) {
            return nullptr;
        }
        return std::make_unique<std::string>(buf.data(), (size_t) r);
    }

    const llama_vocab * vocab_;
    std::string         tmpl_;
    std::string         fallback_reason_;
    bool                add_bos_ = false;
    llama_token         bos_     = LLAMA_TOKEN_NULL;
    llama_token         end_     = LLAMA_TOKEN_NULL;
};

struct EncodedSet {
    std::vector<Encoded> examples;
    int     skipped       = 0;  // answer alone longer than the context
    int64_t tokens        = 0;
    int64_t target_tokens = 0;
};

static EncodedSet encode_all(ChatEncoder & enc, const std::vector<Example> & data, int32_t n_ctx) {
    EncodedSet s;
    for (const auto & ex : data) {
        check_stop();
        Encoded e = enc.encode(ex);
        if (!enc.fit(e, n_ctx)) {
            ++s.skipped;
            continue;
        }
        s.tokens        += (int64_t) e.tokens.size();
        s.target_tokens += e.n_target;
        s.examples.push_back(std::move(e));
    }
    return s;
}

// ---------------------------------------------------------------------------------------
// packing: whole examples into n_ctx sequences, no overlap, masked padding

// Deterministic across standard libraries (std::shuffle's use of the engine is not).
static void shuffle_indices(std::vector<int> & v, uint64_t seed) {
    std::mt19937_64 rng(seed);
    for (size_t i = v.size(); i > 1; --i) {
        const size_t j = (size_t) (rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

// First-fit over the open sequences in shuffled order: little padding, and no example
// is ever split, so every answer is trained with its own whole prompt as context.
static std::vector<std::vector<int>> pack(const std::vector<Encoded> & ex, int32_t n_ctx, uint64_t seed, bool shuffle) {
    std::vector<int> order(ex.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = (int) i;
    }
    if (shuffle) {
        shuffle_indices(order, seed);
    }
    std::vector<std::vector<int>> seqs;
    std::vector<int32_t>          used;
    for (int i : order) {
        const int32_t len = (int32_t) ex[i].tokens.size();
        size_t        s   = 0;
        while (s < seqs.size() && used[s] + len > n_ctx) {
            ++s;
        }
        if (s == seqs.size()) {
            seqs.emplace_back();
            used.push_back(0);
        }
        seqs[s].push_back(i);
        used[s] += len;
    }
    if (shuffle) {
        // first-fit leaves the small leftovers in the late sequences: mix the order too
        std::vector<int> so(seqs.size());
        for (size_t i = 0; i < so.size(); ++i) {
            so[i] = (int) i;
        }
        shuffle_indices(so, seed ^ 0x5bd1e995u);
        std::vector<std::vector<int>> out;
        out.reserve(seqs.size());
        for (int i : so) {
            out.push_back(std::move(seqs[i]));
        }
        return out;
    }
    return seqs;
}

// Writes one sequence: labels[i] is the token to predict after position i, or -1
// ("no target", patch 0002) on prompt, padding and example boundaries.
static int64_t fill_sequence(const std::vector<Encoded> & ex, const std::vector<int> & members, int32_t n_ctx, bool mask_prompt,
                             llama_token pad, llama_token * tokens, llama_token * labels) {
    std::fill(tokens, tokens + n_ctx, pad);
    std::fill(labels, labels + n_ctx, (llama_token) -1);
    int32_t off     = 0;
    int64_t targets = 0;
    for (int idx : members) {
        const Encoded & e   = ex[idx];
        const int32_t   len = (int32_t) e.tokens.size();
        std::copy(e.tokens.begin(), e.tokens.end(), tokens + off);
        const int32_t first = mask_prompt ? e.n_prompt : 1;
        const int32_t last  = mask_prompt ? e.n_prompt + e.n_target : len;  // exclusive
        for (int32_t k = first; k < last; ++k) {
            labels[off + k - 1] = e.tokens[k];
            ++targets;
        }
        off += len;
    }
    return targets;
}

// ---------------------------------------------------------------------------------------
// model / context setup

static bool load_progress(float, void *) {
    return !g_stop.load();  // returning false aborts a long load on SIGINT/SIGTERM
}

static bool abort_compute(void *) {
    return g_stop.load();  // stops the CPU graph mid-way; the step callback then exits
}

static llama_model * load_model(const std::string & path, bool for_training) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        throw Failure("model file '" + path + "' not found");
    }
    llama_model_params mp = llama_model_default_params();
    mp.n_gpu_layers       = 0;
    mp.progress_callback  = load_progress;
    if (for_training) {
        // training writes into the weights: they must live in plain, writable buffers
        mp.load_mode       = LLAMA_LOAD_MODE_NONE;
        mp.use_extra_bufts = false;
    }
    llama_model * m = llama_model_load_from_file(path.c_str(), mp);
    check_stop();
    if (!m) {
        throw Failure("cannot load model '" + path + "' (see the log above; unsupported architecture or corrupt file?)");
    }
    return m;
}

static llama_context * make_context(llama_model * model, uint32_t n_ctx, uint32_t n_batch, uint32_t n_ubatch, int threads, bool training) {
    llama_context_params cp = llama_context_default_params();
    cp.n_ctx                = n_ctx;
    cp.n_batch              = n_batch;
    cp.n_ubatch             = n_ubatch;
    cp.n_seq_max            = 1;
    cp.n_threads            = threads;
    cp.n_threads_batch      = threads;
    cp.no_perf              = true;
    cp.abort_callback       = abort_compute;
    cp.abort_callback_data  = nullptr;
    if (training) {
        // no backward pass for flash attention, and OUT_PROD lacks F16 support for the KV cache
        cp.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;
        cp.type_k          = GGML_TYPE_F32;
        cp.type_v          = GGML_TYPE_F32;
    }
    llama_context * c = llama_init_from_model(model, cp);
    if (!c) {
        throw Failure("cannot create a llama context (out of memory?)");
    }
    return c;
}

// ---------------------------------------------------------------------------------------
// train

struct TrainState {
    // schedule
    double  lr0          = 1e-4;
    double  lr_min       = 1e-5;
    double  weight_decay = 0.0;
    int64_t total_steps  = 1;
    int64_t opt_step     = 0;  // optimizer steps taken (== train ubatches, opt_period is 1)
    double  last_lr      = 0.0;

    // progress
    int     epoch = 0, epochs = 0;
    int64_t steps_this_epoch   = 0;
    int64_t steps_before_epoch = 0;
    int64_t n_ubatch           = 0;
    std::vector<int64_t> train_targets_prefix;  // targets in the first k train ubatches of this epoch
    std::vector<int64_t> valid_targets_prefix;
    double  prev_nll     = 0.0;
    int64_t prev_targets = 0;
    std::chrono::steady_clock::time_point t_start, t_last_emit;
    bool    emitted_any = false;
    double  train_seconds_before_epoch = 0.0;
    double  train_seconds_epoch        = 0.0;

    // epoch results
    double epoch_train_nll = 0.0;
    int64_t epoch_train_targets = 0;
    double epoch_valid_nll = 0.0;
    int64_t epoch_valid_targets = 0;
};

static TrainState g_ts;

static ggml_opt_optimizer_params lr_schedule(void *) {
    ggml_opt_optimizer_params p = ggml_opt_get_default_optimizer_params(nullptr);
    // cosine decay from lr to lr-min over every optimizer step of the run
    const double t  = g_ts.total_steps > 1 ? std::min(1.0, (double) g_ts.opt_step / (double) (g_ts.total_steps - 1)) : 0.0;
    const double lr = g_ts.lr_min + 0.5 * (g_ts.lr0 - g_ts.lr_min) * (1.0 + std::cos(3.14159265358979323846 * t));
    p.adamw.alpha   = (float) lr;
    p.adamw.wd      = (float) g_ts.weight_decay;
    g_ts.last_lr    = lr;
    ++g_ts.opt_step;
    return p;
}

// ggml-opt reports per ubatch loss = (target NLL sum) / (all n_ubatch positions), see
// patch 0002; its running mean times the positions seen is the NLL sum so far.
static double result_nll_sum(ggml_opt_result_t result) {
    int64_t ndata = 0;
    ggml_opt_result_ndata(result, &ndata);
    double mean = 0.0;
    ggml_opt_result_loss(result, &mean, nullptr);
    return ndata > 0 ? mean * (double) ndata : 0.0;
}

static void train_callback(bool train, ggml_opt_context_t, ggml_opt_dataset_t, ggml_opt_result_t result, int64_t ibatch, int64_t ibatch_max,
                           int64_t t_start_us) {
    check_stop();
    const double nll = result_nll_sum(result);
    if (!train) {
        g_ts.epoch_valid_nll     = nll;
        g_ts.epoch_valid_targets = g_ts.valid_targets_prefix[std::min<int64_t>(ibatch, (int64_t) g_ts.valid_targets_prefix.size() - 1)];
        return;
    }
    const int64_t targets = g_ts.train_targets_prefix[std::min<int64_t>(ibatch, (int64_t) g_ts.train_targets_prefix.size() - 1)];
    g_ts.epoch_train_nll     = nll;
    g_ts.epoch_train_targets = targets;

    const auto   now          = std::chrono::steady_clock::now();
    g_ts.train_seconds_epoch  = (double) (ggml_time_us() - t_start_us) / 1e6;
    const double train_secs   = g_ts.train_seconds_before_epoch + g_ts.train_seconds_epoch;
    const double elapsed      = std::chrono::duration<double>(now - g_ts.t_start).count();
    const int64_t steps_done  = g_ts.steps_before_epoch + ibatch;
    const int64_t steps_left  = std::max<int64_t>(0, g_ts.total_steps - steps_done);
    // wall time per step so far includes the validation passes, so the ETA does too
    const double eta          = steps_done > 0 ? elapsed / (double) steps_done * (double) steps_left : 0.0;
    const bool   last_of_epoch = ibatch == ibatch_max;

    const double step_targets = (double) (targets - g_ts.prev_targets);
    const double step_nll     = nll - g_ts.prev_nll;
    g_ts.prev_nll             = nll;
    g_ts.prev_targets         = targets;

    // at most ~4 lines a second: a UI does not need more, a tiny model would flood it
    if (!last_of_epoch && g_ts.emitted_any && now - g_ts.t_last_emit < std::chrono::milliseconds(250)) {
        return;
    }
    g_ts.emitted_any = true;
    g_ts.t_last_emit = now;
    json j = {
        {"event", "step"},
        {"epoch", g_ts.epoch},
        {"epochs", g_ts.epochs},
        {"step", ibatch},
        {"steps", ibatch_max},
        {"loss", targets > 0 ? json(nll / (double) targets) : json(nullptr)},
        {"step_loss", step_targets > 0 ? json(step_nll / step_targets) : json(nullptr)},
        {"lr", g_ts.last_lr},
        {"tokens_per_second", train_secs > 0 ? (double) (steps_done * g_ts.n_ubatch) / train_secs : 0.0},
        {"elapsed_s", elapsed},
        {"eta_s", eta},
    };
    emit(j);
}

static std::string iso_now() {
    const std::time_t t = std::time(nullptr);
    char              buf[32];
    std::tm           tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Tensors the optimizer may update, recorded from the param filter (name -> live tensor).
struct ParamFilter {
    int                                 freeze_layers = 0;
    std::map<std::string, ggml_tensor *> seen;
};

static bool param_filter(const struct ggml_tensor * t, void * ud) {
    auto * pf = (ParamFilter *) ud;
    int    layer = -1;
    if (sscanf(t->name, "blk.%d.", &layer) == 1 && layer >= 0 && layer < pf->freeze_layers) {
        return false;
    }
    pf->seen[t->name] = const_cast<ggml_tensor *>(t);
    return true;
}

// 64-bit seek: model files are often larger than 2 GB
static int seek_abs(FILE * f, size_t off) {
#ifdef _WIN32
    return _fseeki64(f, (__int64) off, SEEK_SET);
#else
    return fseeko(f, (off_t) off, SEEK_SET);
#endif
}

static void write_all(FILE * f, const void * data, size_t n, const std::string & path) {
    if (n > 0 && fwrite(data, 1, n, f) != n) {
        throw Failure("write failed on '" + path + "' (disk full?)");
    }
}

// Writes OUT as: the BASE file's metadata (llama_model_save_to_file would drop
// tokenizer.chat_template and general.file_type and add zero-valued keys), file type
// ALL_F32, autodidacta.* provenance keys, and the tensors in the base's order: trained
// ones from memory, everything else copied from the base file byte for byte.
static size_t save_model(const std::string & base_path, const GgufFile & base, const ParamFilter & pf, const std::string & out_path,
                         const std::vector<std::pair<std::string, json>> & extra_kv) {
    gguf_context * out = gguf_init_empty();
    struct Guard {
        gguf_context * c;
        ~Guard() { gguf_free(c); }
    } guard{out};

    gguf_set_kv(out, base.gguf);
    // the data is written with the default alignment: a copied general.alignment of
    // another value would make readers look for tensors at the wrong offsets
    gguf_remove_key(out, GGUF_KEY_GENERAL_ALIGNMENT);
    gguf_set_val_u32(out, "general.file_type", 0);  // LLAMA_FTYPE_ALL_F32: we only train F32 models
    for (const auto & [k, v] : extra_kv) {
        if (v.is_string()) {
            gguf_set_val_str(out, k.c_str(), v.get<std::string>().c_str());
        } else if (v.is_boolean()) {
            gguf_set_val_bool(out, k.c_str(), v.get<bool>());
        } else if (v.is_number_integer()) {
            gguf_set_val_i64(out, k.c_str(), v.get<int64_t>());
        } else if (v.is_number()) {
            gguf_set_val_f64(out, k.c_str(), v.get<double>());
        }
    }

    const int64_t n_tensors = gguf_get_n_tensors(base.gguf);
    for (int64_t i = 0; i < n_tensors; ++i) {
        const char *  name = gguf_get_tensor_name(base.gguf, i);
        ggml_tensor * t    = ggml_get_tensor(base.meta, name);
        if (!t) {
            throw Failure(std::string("base tensor metadata missing for ") + name);
        }
        gguf_add_tensor(out, t);
    }

    fs::path   outp = fs::absolute(out_path);
    const std::string tmp  = outp.string() + ".tmp-" + std::to_string((long long)
#ifdef _WIN32
                                                                      _getpid()
#else
                                                                      getpid()
#endif
                                                                          );
    g_tmp_path = tmp;
    FILE * f   = fopen(tmp.c_str(), "wb");
    if (!f) {
        g_tmp_path.clear();
        throw Failure("cannot create '" + tmp + "': " + strerror(errno));
    }
    FILE * src = fopen(base_path.c_str(), "rb");
    if (!src) {
        fclose(f);
        remove_tmp();
        throw Failure("cannot reopen base model '" + base_path + "'");
    }
    try {
        if (!gguf_write_to_file_ptr(out, f, /*only_meta =*/ true)) {
            throw Failure("writing GGUF metadata failed");
        }
        const size_t      align     = gguf_get_alignment(out);
        const size_t      data_off  = gguf_get_meta_size(out);
        const size_t      src_data  = gguf_get_data_offset(base.gguf);
        std::vector<char> buf(16u << 20);
        const std::vector<char> zeros(align, 0);
        size_t pos = 0;  // bytes written into the data section
        for (int64_t i = 0; i < n_tensors; ++i) {
            check_stop();
            const char * name   = gguf_get_tensor_name(out, i);
            const size_t nbytes = gguf_get_tensor_size(out, i);
            if (pos != gguf_get_tensor_offset(out, i)) {
                throw Failure("internal error: tensor offset mismatch while saving");
            }
            auto it = pf.seen.find(name);
            if (it != pf.seen.end()) {
                ggml_tensor * t = it->second;
                if (ggml_nbytes(t) != nbytes || t->type != gguf_get_tensor_type(out, i)) {
                    throw Failure(std::string("tensor ") + name + " in memory does not match the base file");
                }
                for (size_t o = 0; o < nbytes; o += buf.size()) {
                    const size_t n = std::min(buf.size(), nbytes - o);
                    ggml_backend_tensor_get(t, buf.data(), o, n);
                    write_all(f, buf.data(), n, tmp);
                }
            } else {
                const int64_t bi = gguf_find_tensor(base.gguf, name);
                if (seek_abs(src, src_data + gguf_get_tensor_offset(base.gguf, bi)) != 0) {
                    throw Failure("seek failed in the base model");
                }
                for (size_t o = 0; o < nbytes; o += buf.size()) {
                    const size_t n = std::min(buf.size(), nbytes - o);
                    if (fread(buf.data(), 1, n, src) != n) {
                        throw Failure("short read from the base model");
                    }
                    write_all(f, buf.data(), n, tmp);
                }
            }
            pos += nbytes;
            const size_t padded = GGML_PAD(pos, align);
            write_all(f, zeros.data(), padded - pos, tmp);
            pos = padded;
        }
        fclose(src);
        src = nullptr;
        if (fflush(f) != 0) {
            throw Failure("flush failed on '" + tmp + "'");
        }
#ifndef _WIN32
        fsync(fileno(f));  // the rename below must not publish a file still in the page cache only
#endif
        if (fclose(f) != 0) {
            f = nullptr;
            throw Failure("close failed on '" + tmp + "'");
        }
        f = nullptr;
        (void) data_off;
        check_stop();
        std::error_code ec;
        fs::rename(tmp, outp, ec);
        if (ec) {
            throw Failure("cannot rename '" + tmp + "' to '" + outp.string() + "': " + ec.message());
        }
        g_tmp_path.clear();
        return (size_t) fs::file_size(outp);
    } catch (...) {
        if (f) fclose(f);
        if (src) fclose(src);
        remove_tmp();
        throw;
    }
}

static int cmd_train(const Args & a) {
    const std::string base_path  = a.req("base");
    const std::string train_path = a.req("train");
    const std::string valid_path = a.str("valid");
    const std::string out_path   = a.req("out");
    const int         epochs     = (int) a.integer("epochs", 3, 1, 1000);
    const int         ctx_req    = (int) a.integer("ctx", 256, 8, 1 << 20);
    int               batch      = (int) a.integer("batch", 256, 1, 1 << 20);
    const double      lr         = a.number("lr", 1e-4, 1e-12, 1.0);
    const double      lr_min     = a.number("lr-min", std::min(1e-5, lr), 0.0, 1.0);
    const double      wd         = a.number("weight-decay", 0.0, 0.0, 1.0);
    const int         freeze     = (int) a.integer("freeze-layers", 0, 0, 100000);
    const uint64_t    seed       = (uint64_t) a.integer("seed", 42, 0, INT64_MAX);
    const int         threads    = (int) a.integer("threads", default_threads(), 1, 1024);
    const bool        mask       = !a.flags.count("no-mask-prompt");
    if (lr_min > lr) {
        throw UsageError("--lr-min must not exceed --lr");
    }
    {
        std::error_code ec;
        if (fs::exists(out_path, ec) && fs::equivalent(base_path, out_path, ec)) {
            throw UsageError("--out must differ from --base");
        }
    }
    // llama.cpp pads the context to a multiple of 256 and trains on whole contexts, so the
    // packed sequences must have that length too
    const int n_ctx = (ctx_req + 255) / 256 * 256;
    if (n_ctx != ctx_req) {
        LOGI("--ctx %d rounded up to %d (llama.cpp pads contexts to multiples of 256)\n", ctx_req, n_ctx);
    }
    batch = std::min(batch, n_ctx);
    if (n_ctx % batch != 0) {
        throw UsageError("--batch must divide the context size (" + std::to_string(n_ctx) + ")");
    }
    if (batch < n_ctx) {
        LOGI("warning: --batch %d < context %d: only the first chunk of each sequence trains attn_k/attn_v and what feeds them (patch 0003 needs one ubatch per sequence)\n",
             batch, n_ctx);
    }

    // refuse early and clearly: llama.cpp silently skips non-F32 tensors when training
    GgufFile base(base_path);
    {
        const int64_t n_tensors = gguf_get_n_tensors(base.gguf);
        for (int64_t i = 0; i < n_tensors; ++i) {
            const ggml_type t = gguf_get_tensor_type(base.gguf, i);
            if (t != GGML_TYPE_F32) {
                // --allow-requantize: llama-quantize refuses quantized input without it
                // (harmless for F16/BF16, where converting to F32 is lossless)
                throw Failure(std::string("base model must be all F32 to train (tensor ") + gguf_get_tensor_name(base.gguf, i) + " is " +
                              ggml_type_name(t) + "); convert it first: llama-quantize --allow-requantize " + base_path +
                              " base-f32.gguf F32 (from a quantized file this keeps its quantization loss: prefer the F16/BF16 release)");
            }
        }
    }

    const std::vector<Example> train_raw = load_jsonl(train_path);
    const std::vector<Example> valid_raw = valid_path.empty() ? std::vector<Example>{} : load_jsonl(valid_path);
    if (train_raw.empty()) {
        throw Failure("no training examples in '" + train_path + "'");
    }

    llama_model * model = load_model(base_path, true);
    const int     n_layer = llama_model_n_layer(model);
    if (freeze > n_layer) {
        llama_model_free(model);
        throw UsageError("--freeze-layers " + std::to_string(freeze) + " exceeds the model's " + std::to_string(n_layer) + " layers");
    }

    ChatEncoder enc(model, false);
    EncodedSet  tr = encode_all(enc, train_raw, n_ctx);
    EncodedSet  va = encode_all(enc, valid_raw, n_ctx);
    if (enc.n_token_boundary_mismatch > 0 || enc.n_string_boundary_mismatch > 0) {
        LOGI("note: for %d example(s) the generation prompt's tokens are not a prefix of the conversation's (%d of them differ as text); their targets start at the first differing token\n",
             enc.n_token_boundary_mismatch, enc.n_string_boundary_mismatch);
    }
    if (enc.n_end_added > 0) {
        LOGI("note: the chat template ends no answer with an end-of-generation token; appended one to %d answer(s)\n", enc.n_end_added);
    }
    if (tr.skipped > 0 || va.skipped > 0) {
        LOGI("skipped %d training and %d validation example(s) whose answer alone does not fit in %d tokens\n", tr.skipped, va.skipped, n_ctx);
    }
    if (tr.examples.empty()) {
        llama_model_free(model);
        throw Failure("no training example fits in the context (" + std::to_string(n_ctx) + " tokens)");
    }

    // every epoch's packing up front: the cosine schedule and the ETA need the exact step count
    std::vector<std::vector<std::vector<int>>> packs;
    int64_t total_seqs = 0;
    for (int e = 0; e < epochs; ++e) {
        packs.push_back(pack(tr.examples, n_ctx, seed + 0x9E3779B97F4A7C15ull * (uint64_t) (e + 1), true));
        total_seqs += (int64_t) packs.back().size();
    }
    const std::vector<std::vector<int>> valid_pack = pack(va.examples, n_ctx, 0, false);
    const int64_t ubatch_per_seq = n_ctx / batch;

    llama_context * lctx = make_context(model, n_ctx, batch, batch, threads, true);
    if ((int) llama_n_ctx(lctx) != n_ctx) {
        llama_free(lctx);
        llama_model_free(model);
        throw Failure("llama.cpp chose a context of " + std::to_string(llama_n_ctx(lctx)) + " instead of " + std::to_string(n_ctx));
    }
    const llama_vocab * vocab = llama_model_get_vocab(model);
    llama_token pad = llama_vocab_pad(vocab);
    if (pad == LLAMA_TOKEN_NULL) pad = llama_vocab_eos(vocab);
    if (pad == LLAMA_TOKEN_NULL) pad = 0;

    ParamFilter pf;
    pf.freeze_layers = freeze;
    g_ts.lr0          = lr;
    g_ts.lr_min       = lr_min;
    g_ts.weight_decay = wd;
    g_ts.total_steps  = total_seqs * ubatch_per_seq;
    g_ts.epochs       = epochs;
    g_ts.n_ubatch     = batch;

    // llama.cpp hands the thread count to the CPU backend only inside llama_decode; the
    // training path (ggml_opt_eval) never does, so without one decode first every training
    // step runs with ggml's default of 4 threads whatever --threads says (measured: 1.6
    // cores busy and 35% slower on a 2-core machine). One throwaway token fixes that.
    {
        llama_token warm = pad;
        if (llama_decode(lctx, llama_batch_get_one(&warm, 1)) != 0) {
            LOGI("warning: warm-up decode failed; training may not use --threads\n");
        }
        llama_memory_clear(llama_get_memory(lctx), true);
    }

    llama_opt_params op{};
    op.n_ctx_train     = 0;
    op.param_filter    = param_filter;
    op.param_filter_ud = &pf;
    op.get_opt_pars    = lr_schedule;
    op.get_opt_pars_ud = nullptr;
    op.optimizer_type  = GGML_OPT_OPTIMIZER_TYPE_ADAMW;
    llama_opt_init(lctx, model, op);

    int64_t trainable = 0;
    for (const auto & [name, t] : pf.seen) {
        if (name != "token_embd.weight" && name.find("rope_freqs") == std::string::npos && t->type == GGML_TYPE_F32) {
            trainable += ggml_nelements(t);
        }
    }

    emit({
        {"event", "start"},
        {"examples", (int64_t) tr.examples.size()},
        {"skipped", tr.skipped},
        {"tokens", tr.tokens},
        {"target_tokens", mask ? tr.target_tokens : tr.tokens - (int64_t) tr.examples.size()},
        {"sequences", (int64_t) packs[0].size()},
        {"steps_per_epoch", (int64_t) packs[0].size() * ubatch_per_seq},
        {"total_steps", g_ts.total_steps},
        {"epochs", epochs},
        {"n_ctx", n_ctx},
        {"batch", batch},
        {"n_layer", n_layer},
        {"frozen_layers", freeze},
        {"trainable_params", trainable},
        {"valid_examples", (int64_t) va.examples.size()},
        {"valid_skipped", va.skipped},
        {"mask_prompt", mask},
        {"chat_template", enc.uses_fallback() ? "chatml-fallback" : "model"},
        {"threads", threads},
    });
    LOGI("training %zu examples (%" PRId64 " tokens, %" PRId64 " targets) in %zu sequences of %d, %d epoch(s), %" PRId64 " steps, %d threads, %" PRId64 " trainable params, %s\n",
         tr.examples.size(), tr.tokens, mask ? tr.target_tokens : tr.tokens - (int64_t) tr.examples.size(), packs[0].size(), n_ctx, epochs, g_ts.total_steps, threads, trainable,
         freeze > 0 ? ("layers 0.." + std::to_string(freeze - 1) + " frozen").c_str() : "no layer frozen");

    ggml_opt_result_t result_train = ggml_opt_result_init();
    ggml_opt_result_t result_eval  = ggml_opt_result_init();
    g_ts.t_start = std::chrono::steady_clock::now();
    double last_train_loss = NAN, last_valid_loss = NAN;

    for (int e = 0; e < epochs; ++e) {
        check_stop();
        const auto t_epoch = std::chrono::steady_clock::now();
        const auto & seqs  = packs[e];
        const int64_t n_train = (int64_t) seqs.size();
        const int64_t n_all   = n_train + (int64_t) valid_pack.size();
        ggml_opt_dataset_t ds = ggml_opt_dataset_init(GGML_TYPE_I32, GGML_TYPE_I32, n_ctx, n_ctx, n_all, 1);
        auto * data   = (llama_token *) ggml_opt_dataset_data(ds)->data;
        auto * labels = (llama_token *) ggml_opt_dataset_labels(ds)->data;

        // targets per ubatch, to turn ggml-opt's per-position loss into per-target NLL
        g_ts.train_targets_prefix.assign(1, 0);
        g_ts.valid_targets_prefix.assign(1, 0);
        for (int64_t s = 0; s < n_all; ++s) {
            const bool is_valid = s >= n_train;
            const auto & members = is_valid ? valid_pack[s - n_train] : seqs[s];
            fill_sequence(is_valid ? va.examples : tr.examples, members, n_ctx, is_valid ? true : mask, pad, data + s * n_ctx, labels + s * n_ctx);
            for (int64_t u = 0; u < ubatch_per_seq; ++u) {
                int64_t c = 0;
                for (int64_t i = u * batch; i < (u + 1) * batch; ++i) {
                    c += labels[s * n_ctx + i] >= 0;
                }
                auto & pre = is_valid ? g_ts.valid_targets_prefix : g_ts.train_targets_prefix;
                pre.push_back(pre.back() + c);
            }
        }

        g_ts.epoch               = e + 1;
        g_ts.steps_this_epoch    = n_train * ubatch_per_seq;
        g_ts.prev_nll            = 0.0;
        g_ts.prev_targets        = 0;
        g_ts.epoch_train_nll     = g_ts.epoch_valid_nll = 0.0;
        g_ts.epoch_train_targets = g_ts.epoch_valid_targets = 0;
        g_ts.train_seconds_epoch = 0.0;

        llama_opt_epoch(lctx, ds, result_train, result_eval, n_train, train_callback, valid_pack.empty() ? nullptr : train_callback);
        check_stop();
        ggml_opt_dataset_free(ds);

        g_ts.steps_before_epoch += g_ts.steps_this_epoch;
        g_ts.train_seconds_before_epoch += g_ts.train_seconds_epoch;
        last_train_loss = g_ts.epoch_train_targets > 0 ? g_ts.epoch_train_nll / (double) g_ts.epoch_train_targets : NAN;
        last_valid_loss = g_ts.epoch_valid_targets > 0 ? g_ts.epoch_valid_nll / (double) g_ts.epoch_valid_targets : NAN;
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_epoch).count();
        emit({
            {"event", "epoch"},
            {"epoch", e + 1},
            {"train_loss", std::isfinite(last_train_loss) ? json(last_train_loss) : json(nullptr)},
            {"valid_loss", std::isfinite(last_valid_loss) ? json(last_valid_loss) : json(nullptr)},
            {"seconds", secs},
        });
        LOGI("epoch %d/%d: train loss %.4f, valid loss %s, %.1f s\n", e + 1, epochs, last_train_loss,
             std::isfinite(last_valid_loss) ? std::to_string(last_valid_loss).c_str() : "n/a", secs);
        ggml_opt_result_reset(result_train);
        ggml_opt_result_reset(result_eval);
    }
    ggml_opt_result_free(result_train);
    ggml_opt_result_free(result_eval);

    std::vector<std::pair<std::string, json>> kv = {
        {"autodidacta.trainer", std::string("autodidacta-train (llama.cpp from ") + AUTODIDACTA_LLAMA_VERSION + ")"},
        {"autodidacta.trained_at", iso_now()},
        {"autodidacta.base_model", fs::path(base_path).filename().string()},
        {"autodidacta.examples", (int64_t) tr.examples.size()},
        {"autodidacta.skipped", (int64_t) tr.skipped},
        {"autodidacta.epochs", (int64_t) epochs},
        {"autodidacta.steps", g_ts.total_steps},
        {"autodidacta.n_ctx", (int64_t) n_ctx},
        {"autodidacta.batch", (int64_t) batch},
        {"autodidacta.lr", lr},
        {"autodidacta.lr_min", lr_min},
        {"autodidacta.weight_decay", wd},
        {"autodidacta.freeze_layers", (int64_t) freeze},
        {"autodidacta.seed", (int64_t) seed},
        {"autodidacta.mask_prompt", mask},
        {"autodidacta.train_loss", std::isfinite(last_train_loss) ? last_train_loss : -1.0},
    };
    if (std::isfinite(last_valid_loss)) {
        kv.push_back({"autodidacta.valid_loss", last_valid_loss});
    }
    LOGI("saving %s\n", out_path.c_str());
    const size_t bytes = save_model(base_path, base, pf, out_path, kv);
    emit({{"event", "saved"}, {"path", fs::absolute(out_path).string()}, {"bytes", (int64_t) bytes}});

    llama_free(lctx);
    llama_model_free(model);
    return 0;
}

// ---------------------------------------------------------------------------------------
// eval: perplexity over the assistant answers only (the validation gate's metric)

static int cmd_eval(const Args & a) {
    const std::string model_path = a.req("model");
    const std::string data_path  = a.req("data");
    // rounded like train's, so an example is cut or skipped exactly as it was in training
    const int         n_ctx      = ((int) a.integer("ctx", 256, 8, 1 << 20) + 255) / 256 * 256;
    const int         threads    = (int) a.integer("threads", default_threads(), 1, 1024);

    const std::vector<Example> data = load_jsonl(data_path);
    llama_model *   model = load_model(model_path, false);
    llama_context * lctx  = make_context(model, n_ctx, n_ctx, std::min(n_ctx, 512), threads, false);
    ChatEncoder     enc(model, false);
    const int       n_vocab = llama_vocab_n_tokens(llama_model_get_vocab(model));

    llama_batch batch = llama_batch_init(n_ctx, 0, 1);
    double  nll_sum  = 0.0;
    int64_t n_tokens = 0, n_examples = 0;
    int     skipped  = 0;
    for (const auto & ex : data) {
        check_stop();
        Encoded e = enc.encode(ex);
        if (!enc.fit(e, n_ctx)) {
            ++skipped;
            continue;
        }
        // each example on its own, from an empty cache: the score must not depend on order
        llama_memory_clear(llama_get_memory(lctx), true);
        const int32_t len = (int32_t) e.tokens.size();
        batch.n_tokens    = len;
        for (int32_t i = 0; i < len; ++i) {
            batch.token[i]     = e.tokens[i];
            batch.pos[i]       = i;
            batch.n_seq_id[i]  = 1;
            batch.seq_id[i][0] = 0;
            batch.logits[i]    = i >= e.n_prompt - 1 && i < e.n_prompt + e.n_target - 1;
        }
        const int32_t rc = llama_decode(lctx, batch);
        check_stop();
        if (rc != 0) {
            llama_batch_free(batch);
            throw Failure("llama_decode failed (" + std::to_string(rc) + ")");
        }
        for (int32_t k = e.n_prompt; k < e.n_prompt + e.n_target; ++k) {
            const float * logits = llama_get_logits_ith(lctx, k - 1);
            if (!logits) {
                llama_batch_free(batch);
                throw Failure("no logits for a target position");
            }
            float mx = logits[0];
            for (int v = 1; v < n_vocab; ++v) mx = std::max(mx, logits[v]);
            double se = 0.0;
            for (int v = 0; v < n_vocab; ++v) se += std::exp((double) logits[v] - mx);
            nll_sum += std::log(se) + mx - logits[e.tokens[k]];
            ++n_tokens;
        }
        ++n_examples;
    }
    llama_batch_free(batch);
    if (n_tokens == 0) {
        llama_free(lctx);
        llama_model_free(model);
        throw Failure("no example of '" + data_path + "' could be scored");
    }
    const double nll = nll_sum / (double) n_tokens;
    emit({{"event", "eval"}, {"examples", n_examples}, {"skipped", skipped}, {"tokens", n_tokens}, {"nll", nll}, {"perplexity", std::exp(nll)}});
    LOGI("eval: %" PRId64 " examples, %" PRId64 " answer tokens, nll %.4f, perplexity %.3f\n", n_examples, n_tokens, nll, std::exp(nll));
    llama_free(lctx);
    llama_model_free(model);
    return 0;
}

// ---------------------------------------------------------------------------------------
// generate: greedy answers for the first examples (a human check of what was learnt)

static int cmd_generate(const Args & a) {
    const std::string model_path = a.req("model");
    const std::string data_path  = a.req("data");
    const int         max_tokens = (int) a.integer("max-tokens", 96, 1, 1 << 16);
    const int         limit      = (int) a.integer("limit", 20, 0, 1 << 30);
    const int         n_ctx      = (int) a.integer("ctx", 256, 8, 1 << 20);
    const int         threads    = (int) a.integer("threads", default_threads(), 1, 1024);
    if (max_tokens >= n_ctx) {
        throw UsageError("--max-tokens must be smaller than --ctx");
    }

    const std::vector<Example> data = load_jsonl(data_path);
    llama_model *       model = load_model(model_path, false);
    llama_context *     lctx  = make_context(model, n_ctx, n_ctx, std::min(n_ctx, 512), threads, false);
    ChatEncoder         enc(model, false);
    const llama_vocab * vocab = llama_model_get_vocab(model);

    llama_sampler * smpl = llama_sampler_chain_init(llama_sampler_chain_default_params());
    llama_sampler_chain_add(smpl, llama_sampler_init_greedy());

    const int n = std::min<int>(limit, (int) data.size());
    for (int idx = 0; idx < n; ++idx) {
        check_stop();
        const Example & ex = data[idx];
        std::vector<llama_token> prompt = enc.tokenize(enc.format(ex.messages, ex.messages.size() - 1, true), true);
        const int32_t max_prompt = n_ctx - max_tokens;
        if ((int32_t) prompt.size() > max_prompt) {
            // keep the most recent context (and BOS), as training does
            const bool keep_bos = enc.bos() != LLAMA_TOKEN_NULL && prompt[0] == enc.bos();
            std::vector<llama_token> t;
            if (keep_bos) t.push_back(prompt[0]);
            t.insert(t.end(), prompt.end() - (max_prompt - (keep_bos ? 1 : 0)), prompt.end());
            prompt = std::move(t);
        }
        llama_memory_clear(llama_get_memory(lctx), true);
        llama_sampler_reset(smpl);
        int32_t rc = llama_decode(lctx, llama_batch_get_one(prompt.data(), (int32_t) prompt.size()));
        std::string text;
        int         generated = 0;
        while (rc == 0 && generated < max_tokens) {
            check_stop();
            llama_token tok = llama_sampler_sample(smpl, lctx, -1);
            if (llama_vocab_is_eog(vocab, tok)) {
                break;
            }
            char    buf[256];
            int32_t np = llama_token_to_piece(vocab, tok, buf, sizeof(buf), 0, /*special =*/ false);
            if (np > 0) {
                text.append(buf, np);
            } else if (np < 0) {
                std::vector<char> big(-np);
                np = llama_token_to_piece(vocab, tok, big.data(), (int32_t) big.size(), 0, false);
                if (np > 0) text.append(big.data(), np);
            }
            ++generated;
            rc = llama_decode(lctx, llama_batch_get_one(&tok, 1));
        }
        check_stop();
        if (rc != 0) {
            llama_sampler_free(smpl);
            throw Failure("llama_decode failed (" + std::to_string(rc) + ")");
        }
        emit({{"event", "sample"}, {"index", idx}, {"line", ex.line}, {"tokens", generated}, {"text", text}});
    }
    emit({{"event", "done"}});
    llama_sampler_free(smpl);
    llama_free(lctx);
    llama_model_free(model);
    return 0;
}

// ---------------------------------------------------------------------------------------
// info: read from the GGUF header only, so it is instant even for big models

static int cmd_info(const Args & a) {
    const std::string path = a.req("model");
    GgufFile          g(path);
    const std::string arch = g.str("general.architecture");
    int64_t n_layer = -1, n_embd = -1, file_type = -1, n_vocab = -1;
    g.integer(arch + ".block_count", n_layer);
    g.integer(arch + ".embedding_length", n_embd);
    const int64_t tok_id = g.key("tokenizer.ggml.tokens");
    if (tok_id >= 0 && gguf_get_kv_type(g.gguf, tok_id) == GGUF_TYPE_ARRAY) {
        n_vocab = (int64_t) gguf_get_arr_n(g.gguf, tok_id);
    } else {
        g.integer(arch + ".vocab_size", n_vocab);
    }
    const bool has_ft = g.integer("general.file_type", file_type);
    int64_t params = 0;
    std::map<std::string, int64_t> types;
    for (int64_t i = 0; i < gguf_get_n_tensors(g.gguf); ++i) {
        const char * name = gguf_get_tensor_name(g.gguf, i);
        ggml_tensor * t   = ggml_get_tensor(g.meta, name);
        if (t) {
            params += ggml_nelements(t);
        }
        types[ggml_type_name(gguf_get_tensor_type(g.gguf, i))]++;
    }
    json tt = json::object();
    for (const auto & [k, v] : types) tt[k] = v;
    auto opt_int = [](int64_t v) { return v >= 0 ? json(v) : json(nullptr); };
    emit({
        {"event", "info"},
        {"arch", arch.empty() ? json(nullptr) : json(arch)},
        {"name", g.has_str("general.name") ? json(g.str("general.name")) : json(nullptr)},
        {"n_layer", opt_int(n_layer)},
        {"n_embd", opt_int(n_embd)},
        {"n_vocab", opt_int(n_vocab)},
        {"file_type", has_ft ? json(file_type) : json(nullptr)},
        {"chat_template", g.has_str("tokenizer.chat_template") ? json(g.str("tokenizer.chat_template")) : json(nullptr)},
        {"params", params},
        {"tensor_types", tt},
        {"trained_by_autodidacta", g.key("autodidacta.trained_at") >= 0},
    });
    return 0;
}

// ---------------------------------------------------------------------------------------

int main(int argc, char ** argv) {
    std::setlocale(LC_NUMERIC, "C");
    Args args;
    try {
        args = parse_args(argc, argv);
    } catch (const UsageError & e) {
        fprintf(stderr, "autodidacta-train: %s\n\n%s", e.what(), USAGE);
        return 2;
    }

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    ggml_set_abort_callback(on_ggml_abort);
    llama_log_set(log_cb, nullptr);
    ggml_log_set(log_cb, nullptr);
    llama_backend_init();

    int rc = 1;
    try {
        if (args.cmd == "train") {
            rc = cmd_train(args);
        } else if (args.cmd == "eval") {
            rc = cmd_eval(args);
        } else if (args.cmd == "generate") {
            rc = cmd_generate(args);
        } else if (args.cmd == "info") {
            rc = cmd_info(args);
        }
    } catch (const UsageError & e) {
        fprintf(stderr, "autodidacta-train: %s\n\n%s", e.what(), USAGE);
        return 2;
    } catch (const std::exception & e) {
        remove_tmp();
        check_stop();  // an error caused by the interruption is an interruption
        fprintf(stderr, "autodidacta-train: error: %s\n", e.what());
        emit({{"event", "error"}, {"message", e.what()}});
        return 1;
    }
    llama_backend_free();
    return rc;
}
