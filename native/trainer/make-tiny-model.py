#!/usr/bin/env python3
"""Writes a tiny random llama-architecture F32 GGUF and a small Spanish shop-chat corpus.

For developing and checking autodidacta-train by hand only (the project's tests use their
own generator). Needs numpy and llama.cpp's gguf-py (pass --gguf-py SRC/gguf-py); no
download: the vocabulary is learnt from the generated corpus itself.

  python3 native/trainer/make-tiny-model.py --gguf-py .cache/llama-cpp/src/gguf-py \
      --layers 4 --out /tmp/tiny4.gguf --chats /tmp/chats

The vocabulary is SentencePiece-style ('llama'): <unk> <s> </s>, the 256 byte tokens
(byte fallback), the ChatML control tokens <|im_start|>/<|im_end|>, and BPE pieces
learnt from the corpus (so the tokenizer merges like a real SPM model would).
"""
import argparse
import collections
import json
import os
import random
import sys

CHATML = (
    "{% for message in messages %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

SYSTEM = "Eres el asistente de Zapatería Luna, una tienda de calzado de Sevilla. Responde breve y amable."

PRODUCTS = {
    # name: (price, first size, last size, colours)
    "zapatillas deportivas": ("49,90", 36, 46, "blanco, negro y azul"),
    "botas de montaña": ("89,00", 38, 47, "marrón y gris"),
    "sandalias": ("29,50", 35, 42, "beige, negro y rojo"),
    "mocasines": ("65,00", 39, 45, "marrón y negro"),
    "zapatos de tacón": ("55,00", 35, 41, "negro, rojo y dorado"),
    "chanclas": ("12,00", 35, 46, "azul, verde y rosa"),
    "zapatillas de casa": ("18,90", 35, 46, "gris y azul marino"),
    "botines": ("72,00", 36, 42, "negro y camel"),
}
CITIES = {"Madrid": 2, "Barcelona": 3, "Valencia": 2, "Bilbao": 3, "Málaga": 1, "Córdoba": 1, "Zaragoza": 3, "Granada": 1}
HOURS = "Abrimos de lunes a viernes de 10:00 a 14:00 y de 17:00 a 20:30, y los sábados de 10:00 a 14:00."
RETURNS = "Puedes devolverlo en un plazo de 30 días con el ticket. Te devolvemos el dinero o te lo cambiamos por otra talla."
HELLO = "¡Hola! Bienvenido a Zapatería Luna. ¿En qué puedo ayudarte?"


MASCULINE = {"mocasines", "zapatos de tacón", "botines"}


def one_question(rng):
    p = rng.choice(list(PRODUCTS))
    price, lo, hi, colours = PRODUCTS[p]
    las, Las, unas = ("los", "Los", "unos") if p in MASCULINE else ("las", "Las", "unas")
    kind = rng.choice(["price", "size", "colour", "ship", "hours", "returns"])
    hi_ = rng.choice(["", "Hola, ", "Buenas, ", "Buenos días, "])
    if kind == "price":
        q = rng.choice(["¿Cuánto cuestan {las} {p}?", "¿Qué precio tienen {las} {p}?", "¿A cuánto están {las} {p}?"]).format(p=p, las=las)
        a = f"{Las} {p} cuestan {price} €. ¿Quieres que te reserve un par?"
    elif kind == "size":
        t = rng.randint(34, 48)
        q = rng.choice(["¿Tenéis {las} {p} en la talla {t}?", "¿Hay {p} del {t}?", "¿Os quedan {p} en un {t}?"]).format(p=p, t=t, las=las)
        if lo <= t <= hi:
            a = f"Sí, tenemos {las} {p} en la talla {t}. Cuestan {price} €."
        else:
            a = f"Lo siento, {las} {p} solo {las} tenemos de la talla {lo} a la {hi}."
    elif kind == "colour":
        q = rng.choice(["¿De qué colores tenéis {las} {p}?", "¿Qué colores hay de {las} {p}?"]).format(p=p, las=las)
        a = f"{Las} {p} {las} tenemos en {colours}."
    elif kind == "ship":
        c = rng.choice(list(CITIES))
        q = rng.choice(["¿Hacéis envíos a {c}?", "¿Enviáis a {c}?", "¿Cuánto tarda un envío a {c}?"]).format(c=c)
        d = CITIES[c]
        a = f"Sí, enviamos a {c} en {d} {'día laborable' if d == 1 else 'días laborables'}. El envío cuesta 4,95 € y es gratis a partir de 60 €."
    elif kind == "hours":
        q = rng.choice(["¿Qué horario tenéis?", "¿A qué hora abrís?", "¿Abrís los sábados?"])
        a = HOURS
    else:
        q = rng.choice(["¿Puedo devolver {unas} {p}?", "Si no me valen {las} {p}, ¿{las} puedo cambiar?"]).format(p=p, las=las, unas=unas)
        a = RETURNS
    if hi_:
        # "Hola, ¿qué ...": lower the first letter after the opening question mark
        k = 1 if q.startswith("¿") else 0
        q = hi_ + q[:k] + q[k].lower() + q[k + 1:]
    return q, a


def make_chat(rng):
    msgs = [{"role": "system", "content": SYSTEM}]
    if rng.random() < 0.25:
        msgs += [{"role": "user", "content": rng.choice(["Hola", "Buenas tardes", "Hola, buenas"])},
                 {"role": "assistant", "content": HELLO}]
    q, a = one_question(rng)
    msgs += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    return {"messages": msgs, "metadata": {"source": "make-tiny-model"}}


def learn_pieces(texts, n_merges):
    """Plain BPE on '▁'-prefixed words: earlier merges get higher scores, so llama.cpp's
    SPM tokenizer (highest-score bigram first) reproduces the same segmentation."""
    words = collections.Counter()
    for t in texts:
        for w in t.replace("\n", " ").split(" "):
            if w:
                words["\u2581" + w] += 1
    chars = sorted({c for w in words for c in w})
    seqs = {w: list(w) for w in words}
    merges = []
    for _ in range(n_merges):
        pairs = collections.Counter()
        for w, n in words.items():
            s = seqs[w]
            for i in range(len(s) - 1):
                pairs[(s[i], s[i + 1])] += n
        if not pairs:
            break
        (a, b), n = pairs.most_common(1)[0]
        if n < 2:
            break
        merges.append(a + b)
        for w in words:
            s = seqs[w]
            i, out = 0, []
            while i < len(s):
                if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            seqs[w] = out
    return chars, merges


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gguf-py", required=True, help="llama.cpp's gguf-py directory")
    ap.add_argument("--out", required=True)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--embd", type=int, default=128)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=384)
    ap.add_argument("--merges", type=int, default=700)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chats", help="also write train.jsonl/valid.jsonl/train.txt here")
    ap.add_argument("--n-train", type=int, default=200)
    ap.add_argument("--n-valid", type=int, default=40)
    args = ap.parse_args()

    sys.path.insert(0, args.gguf_py)
    import numpy as np
    import gguf

    rng = random.Random(args.seed)
    train = [make_chat(rng) for _ in range(args.n_train)]
    vrng = random.Random(args.seed + 1000)
    valid = [make_chat(vrng) for _ in range(args.n_valid)]
    if args.chats:
        os.makedirs(args.chats, exist_ok=True)
        for name, rows in (("train.jsonl", train), ("valid.jsonl", valid)):
            with open(os.path.join(args.chats, name), "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        # the same conversations as one ChatML text, for the stock llama-finetune
        with open(os.path.join(args.chats, "train.txt"), "w", encoding="utf-8") as f:
            for r in train:
                for m in r["messages"]:
                    f.write(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n")

    texts = [m["content"] for r in train for m in r["messages"]] + ["system user assistant"]
    chars, merges = learn_pieces(texts, args.merges)

    tokens, scores, types = [], [], []

    def add(tok, score, ttype):
        tokens.append(tok)
        scores.append(score)
        types.append(ttype)

    T = gguf.TokenType
    add("<unk>", 0.0, T.UNKNOWN)
    add("<s>", 0.0, T.CONTROL)
    add("</s>", 0.0, T.CONTROL)
    for b in range(256):
        add(f"<0x{b:02X}>", 0.0, T.BYTE)
    im_start = len(tokens)
    add("<|im_start|>", 0.0, T.CONTROL)
    im_end = len(tokens)
    add("<|im_end|>", 0.0, T.CONTROL)
    seen = set(tokens)
    for c in chars:
        if c not in seen:
            add(c, -1e6, T.NORMAL)
            seen.add(c)
    for rank, m in enumerate(merges):
        if m not in seen:
            add(m, -float(rank), T.NORMAL)
            seen.add(m)
    n_vocab = len(tokens)

    E, L, H, F = args.embd, args.layers, args.heads, args.ff
    w = gguf.GGUFWriter(args.out, "llama")
    w.add_name(f"tiny-llama-{L}l-{E}e")
    w.add_context_length(512)
    w.add_embedding_length(E)
    w.add_block_count(L)
    w.add_feed_forward_length(F)
    w.add_head_count(H)
    w.add_head_count_kv(H)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_dimension_count(E // H)
    w.add_file_type(0)  # ALL_F32
    w.add_vocab_size(n_vocab)
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_unk_token_id(0)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_add_bos_token(True)
    w.add_chat_template(CHATML)

    nrng = np.random.default_rng(args.seed)

    def rnd(*shape, std=0.02):
        return (nrng.standard_normal(shape) * std).astype(np.float32)

    # numpy shape is (rows, cols) = reversed ggml ne
    w.add_tensor("token_embd.weight", rnd(n_vocab, E))
    w.add_tensor("output_norm.weight", np.ones(E, dtype=np.float32))
    w.add_tensor("output.weight", rnd(n_vocab, E))
    for i in range(L):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(E, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_q.weight", rnd(E, E))
        w.add_tensor(f"blk.{i}.attn_k.weight", rnd(E, E))
        w.add_tensor(f"blk.{i}.attn_v.weight", rnd(E, E))
        w.add_tensor(f"blk.{i}.attn_output.weight", rnd(E, E))
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(E, dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_gate.weight", rnd(F, E))
        w.add_tensor(f"blk.{i}.ffn_up.weight", rnd(F, E))
        w.add_tensor(f"blk.{i}.ffn_down.weight", rnd(E, F))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print(f"wrote {args.out}: {L} layers, n_embd {E}, vocab {n_vocab} (<|im_start|>={im_start}, <|im_end|>={im_end})", file=sys.stderr)


if __name__ == "__main__":
    main()
