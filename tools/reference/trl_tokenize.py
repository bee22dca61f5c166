#!/usr/bin/env python3
"""TRL 1.13's token ids, chat-template strings and 2-step DPO losses, as small fixtures.

Builds four tokenizer styles locally with the `tokenizers` library (no model hub):
  llama2-sp   SentencePiece Llama-2 conversion: Prepend/Replace normalizer, BPE with byte
              fallback, ByteFallback/Fuse/Strip decoder, TemplateProcessing "<s> $A"
  metaspace   Metaspace pre-tokenizer (prepend_scheme "first"), BPE without byte fallback, "<s> $A"
  byte-level  GPT-2 style ByteLevel BPE (bos_token = eos_token = <|endoftext|>, no BOS added)
  llama3      Llama-3 style: regex Split + ByteLevel, "<|begin_of_text|> $A", chat template
Each is saved as tokenizer.json + tokenizer_config.json under OUT/tokenizers/<style>/.

Then writes OUT/trl_ids.json: for every style and every hard example, the prompt / chosen /
rejected ids TRL's DPOTrainer._prepare_dataset gives (its own code, called with a stand-in
`self`), the conversational examples through each tokenizer's chat template
(`apply_chat_template`, transformers 5.18), and the rendered template strings.

Finally writes OUT/tiny-llama/ (a tiny random LlamaForCausalLM, float32, with the llama2-sp
tokenizer) and OUT/trl_dpo_steps.json: TRL's DPOTrainer run for 2 steps on OUT/dpo_pairs.jsonl
(batch = all pairs, so order does not matter; constant lr, no warmup, no weight decay).

Run:  /work/venv/bin/python tools/reference/trl_tokenize.py packages/data/test/fixtures/trl
      npx prettier --write packages/data/test/fixtures/trl   (the repo's format:check covers JSON)
The tokenizers' training is deterministic: a rerun writes the same files.
"""
import json
import os
import sys
import types

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

CORPUS = [
    "Hello world! The quick brown fox jumps over the lazy dog.",
    "What is the capital of France? The capital of France is Paris.",
    "Answer: yes, no, maybe. It is 42 degrees in the shade today.",
    "She said: \"I don't know\", and they left at 10:30 pm.",
    "Tokenizers split text into pieces; merges join frequent pairs.",
    "Numbers 1234 and 5678, lists:\n- one\n- two\n\nDone.",
    "café naïve résumé über straße",
    "User: hi\n\nAssistant: hello there, how can I help you today?",
]


def special(content):
    return AddedToken(content, special=True, normalized=False, lstrip=False, rstrip=False, single_word=False)


def train_bpe(tok, specials, vocab_size, alphabet=()):
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=specials, initial_alphabet=list(alphabet), show_progress=False
    )
    tok.train_from_iterator(CORPUS, trainer=trainer)
    return tok


def llama2_sp():
    """Llama-2 as transformers' LlamaConverter writes it (legacy), byte fallback included."""
    tok = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True, fuse_unk=True))
    tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    # Train with words split before each ▁ so that, as in SentencePiece, no piece holds a ▁
    # after its start; the converted tokenizer itself has no pre-tokenizer.
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="never", split=True)
    train_bpe(tok, ["<unk>", "<s>", "</s>"], 90)
    tok.pre_tokenizer = None
    # SentencePiece keeps the 256 byte pieces <0x00>..<0xFF> in the vocabulary, right after the specials.
    spec = json.loads(tok.to_str())
    vocab = spec["model"]["vocab"]
    ordered = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    ordered += [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1]) if t not in ordered]
    spec["model"]["vocab"] = {t: i for i, t in enumerate(ordered)}
    for added in spec["added_tokens"]:
        added["id"] = spec["model"]["vocab"][added["content"]]
    tok = Tokenizer.from_str(json.dumps(spec))
    tok.decoder = decoders.Sequence(
        [decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)]
    )
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", tok.token_to_id("<s>"))]
    )
    config = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "chat_template": LLAMA2_TEMPLATE}
    return tok, config


def metaspace():
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="first", split=True)
    train_bpe(tok, ["<unk>", "<s>", "</s>"], 140)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", tok.token_to_id("<s>"))]
    )
    return tok, {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}


def byte_level():
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    train_bpe(tok, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"], 400, pre_tokenizers.ByteLevel.alphabet())
    return tok, {
        "bos_token": "<|endoftext|>",
        "eos_token": "<|endoftext|>",
        "unk_token": "<|endoftext|>",
        "chat_template": CHATML_TEMPLATE,
    }


LLAMA3_SPLIT = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)


def llama3():
    tok = Tokenizer(models.BPE(ignore_merges=True))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(LLAMA3_SPLIT), behavior="isolated", invert=False),
            pre_tokenizers.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=False),
        ]
    )
    tok.decoder = decoders.ByteLevel()
    specials = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
    train_bpe(tok, specials, 420, pre_tokenizers.ByteLevel.alphabet())
    bos = tok.token_to_id("<|begin_of_text|>")
    tok.post_processor = processors.Sequence(
        [
            processors.ByteLevel(trim_offsets=False),
            processors.TemplateProcessing(
                single="<|begin_of_text|> $A",
                pair="<|begin_of_text|> $A <|begin_of_text|> $B",
                special_tokens=[("<|begin_of_text|>", bos)],
            ),
        ]
    )
    return tok, {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "chat_template": LLAMA3_TEMPLATE}


# Real-style chat templates: Qwen2.5's ChatML (default system message), Llama-3.1's (trimmed
# content, header ids), Llama-2-chat's (system folded into the first user turn).
CHATML_TEMPLATE = """{%- if messages[0]['role'] == 'system' %}
    {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}
{%- else %}
    {{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}
{%- endif %}
{%- for message in messages %}
    {%- if (message.role == "user") or (message.role == "system" and not loop.first) or (message.role == "assistant") %}
        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
    {%- endif %}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|im_start|>assistant\\n' }}
{%- endif %}
"""
LLAMA3_TEMPLATE = (
    "{% set loop_messages = messages %}{% for message in loop_messages %}"
    "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}"
    "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
)
LLAMA2_TEMPLATE = (
    "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
    "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
    "{% set system_message = false %}{% endif %}"
    "{% for message in loop_messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
    "{% if loop.index0 == 0 and system_message != false %}"
    "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
    "{% else %}{% set content = message['content'] %}{% endif %}"
    "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}"
    "{% endfor %}"
)

STYLES = {"llama2-sp": llama2_sp, "metaspace": metaspace, "byte-level": byte_level, "llama3": llama3}

# Hard cases: spaces on either side of the boundary, unicode, emoji (byte fallback), newlines,
# empty-ish completions, a completion that already ends with EOS text (per style: {eos}).
TEXT_EXAMPLES = [
    {"prompt": "What is the capital of France?", "chosen": " Paris.", "rejected": " Lyon."},
    {"prompt": "Hello", "chosen": " world", "rejected": "world"},
    {"prompt": "Hello ", "chosen": "world", "rejected": " world"},
    {"prompt": "Q: 2+2=", "chosen": "4", "rejected": " 5"},
    {"prompt": "Say something nice.\n", "chosen": "You are great!\n", "rejected": "\n\nNo."},
    {"prompt": "Translate: cafe", "chosen": " café", "rejected": " caffè ☕"},
    {"prompt": "Emoji? ", "chosen": "👍🏽 sure", "rejected": "🤖"},
    {"prompt": "日本語で", "chosen": "こんにちは", "rejected": " 世界"},
    {"prompt": "Empty-ish:", "chosen": " ", "rejected": "\n"},
    {"prompt": "Ends with EOS:", "chosen": " done{eos}", "rejected": " not done"},
    {"prompt": "  leading and trailing  ", "chosen": "  two spaces", "rejected": "\ttab"},
    {"prompt": "User: hi\n\nAssistant:", "chosen": " hello there", "rejected": " go away"},
]

CHAT_EXAMPLES = [
    {
        "prompt": [{"role": "user", "content": "What is the capital of France?"}],
        "chosen": [{"role": "assistant", "content": "Paris."}],
        "rejected": [{"role": "assistant", "content": "Lyon, I think."}],
    },
    {
        "prompt": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Hello."},
            {"role": "user", "content": " Say café ☕ "},
        ],
        "chosen": [{"role": "assistant", "content": " café ☕\n"}],
        "rejected": [{"role": "assistant", "content": "No."}],
    },
]


def load_hf(folder):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(folder)


def trl_ids(hf, examples):
    """TRL 1.13 DPOTrainer._prepare_dataset on `examples` (its own code, a stand-in self)."""
    from datasets import Dataset
    from trl import DPOConfig, DPOTrainer

    args = DPOConfig(output_dir="/tmp/trl_tokenize_unused", max_length=None, report_to=[], use_cpu=True, bf16=False)
    stand_in = types.SimpleNamespace(_tokenizer=hf)
    ds = DPOTrainer._prepare_dataset(stand_in, Dataset.from_list(examples), hf, args, "train")
    return [{"prompt": r["prompt_ids"], "chosen": r["chosen_ids"], "rejected": r["rejected_ids"]} for r in ds]


def write_tokenizers(out):
    results = {"textExamples": [], "chatExamples": CHAT_EXAMPLES, "styles": {}}
    for name, build in STYLES.items():
        tok, config = build()
        folder = os.path.join(out, "tokenizers", name)
        os.makedirs(folder, exist_ok=True)
        tok.save(os.path.join(folder, "tokenizer.json"))
        with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
            json.dump({"tokenizer_class": "PreTrainedTokenizerFast", **config}, f, indent=2, ensure_ascii=False)
        hf = load_hf(folder)
        examples = [
            {k: v.replace("{eos}", hf.eos_token) for k, v in ex.items()} for ex in TEXT_EXAMPLES
        ]
        style = {"eosToken": hf.eos_token, "text": trl_ids(hf, examples), "textExamples": examples}
        if config.get("chat_template"):
            style["chat"] = trl_ids(hf, CHAT_EXAMPLES)
            style["rendered"] = [
                {
                    "prompt": hf.apply_chat_template(ex["prompt"], tokenize=False, add_generation_prompt=True),
                    "chosen": hf.apply_chat_template(ex["prompt"] + ex["chosen"], tokenize=False),
                }
                for ex in CHAT_EXAMPLES
            ]
        results["styles"][name] = style
        print(f"{name}: vocab {tok.get_vocab_size()}", file=sys.stderr)
    with open(os.path.join(out, "trl_ids.json"), "w") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)


# 2-step DPO: pairs whose completions start with and without a space (SentencePiece's ▁).
DPO_PAIRS = [
    {"prompt": "What is the capital of France?", "chosen": " Paris.", "rejected": " Lyon, I think."},
    {"prompt": "Hello", "chosen": " world!", "rejected": "world"},
    {"prompt": "Q: 2+2=", "chosen": "4", "rejected": " 5 ☕"},
    {"prompt": "Say something nice.\n", "chosen": "You are great!", "rejected": "\nNo."},
]
DPO_SETTINGS = {"beta": 0.1, "lr": 0.01, "batchSize": 4, "steps": 2, "maxGradNorm": 1.0, "seed": 0}
TINY_LLAMA = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "hidden_size": 8,
    "intermediate_size": 16,
    "num_hidden_layers": 2,
    "num_attention_heads": 2,
    "num_key_value_heads": 2,
    "max_position_embeddings": 64,
    "rms_norm_eps": 1e-05,
    "rope_theta": 10000.0,
    "tie_word_embeddings": False,
    "hidden_act": "silu",
    "attention_bias": False,
    "mlp_bias": False,
    "bos_token_id": 1,
    "eos_token_id": 2,
    "torch_dtype": "float32",
}


def write_dpo(out):
    """A tiny random Llama with the llama2-sp tokenizer, and TRL's per-step DPO losses on it."""
    import shutil
    import tempfile

    import torch
    from datasets import Dataset
    from safetensors.torch import save_file
    from transformers import LlamaConfig, LlamaForCausalLM
    from trl import DPOConfig, DPOTrainer

    folder = os.path.join(out, "tiny-llama")
    os.makedirs(folder, exist_ok=True)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(out, "tokenizers", "llama2-sp", name), os.path.join(folder, name))
    hf = load_hf(folder)
    config = {**TINY_LLAMA, "vocab_size": len(hf)}
    torch.manual_seed(0)
    fields = {k: v for k, v in config.items() if k not in ("architectures", "torch_dtype")}
    model = LlamaForCausalLM(LlamaConfig(**fields)).float()
    with torch.no_grad():  # larger weights than the default init 0.02, so the losses move
        for p in model.parameters():
            if p.dim() == 2:
                p.normal_(0.0, 0.5)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, os.path.join(folder, "model.safetensors"))
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)  # classic form (top-level rope_theta), written by hand
    with open(os.path.join(out, "dpo_pairs.jsonl"), "w") as f:
        f.write("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in DPO_PAIRS))

    s = DPO_SETTINGS
    args = DPOConfig(
        output_dir=tempfile.mkdtemp(),
        per_device_train_batch_size=s["batchSize"],
        max_steps=s["steps"],
        learning_rate=s["lr"],
        lr_scheduler_type="constant",
        warmup_steps=0,
        weight_decay=0.0,
        max_grad_norm=s["maxGradNorm"],
        beta=s["beta"],
        loss_type=["sigmoid"],
        max_length=None,
        logging_steps=1,
        seed=s["seed"],
        disable_dropout=True,
        precompute_ref_log_probs=False,
        use_cpu=True,
        bf16=False,
        report_to=[],
        save_strategy="no",
        model_init_kwargs={"dtype": torch.float32},
    )
    trainer = DPOTrainer(model=folder, args=args, processing_class=hf, train_dataset=Dataset.from_list(DPO_PAIRS))
    ids = [{"prompt": r["prompt_ids"], "chosen": r["chosen_ids"], "rejected": r["rejected_ids"]} for r in trainer.train_dataset]
    trainer.train()
    logs = [h for h in trainer.state.log_history if "loss" in h]
    keys = ["step", "loss", "grad_norm", "rewards/chosen", "rewards/rejected", "logps/chosen", "logps/rejected"]
    steps = [{k: h[k] for k in keys} for h in logs]
    result = {"trl": __import__("trl").__version__, "settings": s, "ids": ids, "steps": steps}
    with open(os.path.join(out, "trl_dpo_steps.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(steps), file=sys.stderr)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "packages/data/test/fixtures/trl"
    os.makedirs(out, exist_ok=True)
    write_tokenizers(out)
    write_dpo(out)
