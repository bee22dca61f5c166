#!/usr/bin/env python3
"""Opens a checkpoint folder the way a transformers user does and scores a text:

  tools/reference/.venv/bin/python tools/reference/open_checkpoint.py CHECKPOINT_DIR "some text"
  tools/reference/.venv/bin/python tools/reference/open_checkpoint.py CHECKPOINT_DIR '[5, 12, 40]'

AutoModelForCausalLM.from_pretrained + AutoTokenizer.from_pretrained on the same folder (no other
path); prints one JSON line: the ids (the config's BOS, then the text's tokens without special
tokens, as `prefopt score` prints them), their per-token log-probs (float64 log-softmax of
transformers' float32 logits), the special-token ids the tokenizer, config and generation config
carry, and the model class. A JSON list instead of a text is scored as those ids. Anything transformers warns goes to stderr (the spec wants it empty).
"""
import json
import sys

import torch
import transformers
from transformers import AutoModelForCausalLM, AutoTokenizer

transformers.utils.logging.disable_progress_bar()


def main(folder, text):
    model = AutoModelForCausalLM.from_pretrained(folder)
    tok = AutoTokenizer.from_pretrained(folder)
    if text.startswith('['):
        seq = json.loads(text)
    else:
        seq = [model.config.bos_token_id] + tok(text, add_special_tokens=False).input_ids
    with torch.no_grad():
        logp = torch.log_softmax(model(torch.tensor([seq])).logits[0].double(), -1)
    print(json.dumps({
        'tokens': seq,
        'logprobs': [logp[t - 1, seq[t]].item() for t in range(1, len(seq))],
        'tokenizer': {'bos': tok.bos_token_id, 'eos': tok.eos_token_id, 'pad': tok.pad_token_id},
        'config': {'bos': model.config.bos_token_id, 'eos': model.config.eos_token_id,
                   'pad': model.config.pad_token_id},
        'generation': {'bos': model.generation_config.bos_token_id, 'eos': model.generation_config.eos_token_id,
                       'pad': model.generation_config.pad_token_id},
        'class': type(model).__name__,
    }))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
