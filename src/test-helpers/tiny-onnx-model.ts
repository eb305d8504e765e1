/**
 * Writes a tiny BERT-shaped sentence-transformer to a folder, laid out as
 * transformers.js expects, so its loading path can be tested offline: the
 * ONNX graph is one Gather over an embedding table, and each word of the
 * vocabulary has its own axis, so the expected vectors are known exactly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Special tokens first, then the words; each word owns one axis. */
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = [
  'tea',
  'light',
  'holder',
  'candle',
  'laptop',
  'charger',
  'red',
  'mug',
  'set',
  'of',
  '##s',
];

/** Vector length of the tiny model: one axis for [UNK] and one per word. */
export const TINY_MODEL_DIMENSION = WORDS.length + 1;

/** Tokens the tiny model cuts every input to, [CLS] and [SEP] included. */
export const TINY_MODEL_MAX_TOKENS = 16;

export interface TinyOnnxModel {
  /** The model folder: config.json, tokenizer files and onnx/model.onnx. */
  folder: string;
  vocabulary: string[];
  /**
   * The mean-pooled, normalised vector the model must give for a list of
   * known word pieces (the [CLS]/[SEP] rows are zero, so they only scale).
   */
  expectedVector(pieces: string[]): Float32Array;
}

/** Writes the model into `parent/name` and describes it. */
export async function writeTinyOnnxModel(
  parent: string,
  name = 'tiny-bert',
): Promise<TinyOnnxModel> {
  const folder = path.join(parent, name);
  const vocabulary = [...SPECIAL_TOKENS, ...WORDS];
  await mkdir(path.join(folder, 'onnx'), { recursive: true });

  await Promise.all([
    writeFile(path.join(folder, 'onnx', 'model.onnx'), encodeGraph(vocabulary)),
    writeJson(path.join(folder, 'tokenizer.json'), tokenizerJson(vocabulary)),
    writeJson(path.join(folder, 'tokenizer_config.json'), tokenizerConfig()),
    writeJson(path.join(folder, 'config.json'), modelConfig(vocabulary)),
  ]);
  return {
    folder,
    vocabulary,
    expectedVector: (pieces) => expectedVector(vocabulary, pieces),
  };
}

/** Row i of the table: zero for [PAD]/[CLS]/[SEP]/[MASK], else a unit axis. */
function embeddingRow(vocabulary: string[], id: number): number[] {
  const row = new Array<number>(TINY_MODEL_DIMENSION).fill(0);
  const token = vocabulary[id];
  if (token === '[UNK]') row[0] = 1;
  else if (!SPECIAL_TOKENS.includes(token))
    row[id - SPECIAL_TOKENS.length + 1] = 1;
  return row;
}

function expectedVector(vocabulary: string[], pieces: string[]): Float32Array {
  const sum = new Float32Array(TINY_MODEL_DIMENSION);
  for (const piece of pieces) {
    const id = vocabulary.indexOf(piece);
    if (id < 0) throw new Error(`"${piece}" is not in the tiny vocabulary`);
    embeddingRow(vocabulary, id).forEach((value, axis) => {
      sum[axis] += value;
    });
  }
  const norm = Math.hypot(...sum);
  return sum.map((value) => value / norm);
}

function encodeGraph(vocabulary: string[]): Uint8Array {
  const table = vocabulary.flatMap((_, id) => embeddingRow(vocabulary, id));
  const tokenInput = (name: string) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: {
          elemType: onnx.TensorProto.DataType.INT64,
          shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
        },
      },
    });

  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    node: [
      onnx.NodeProto.create({
        opType: 'Gather',
        input: ['embeddings', 'input_ids'],
        output: ['last_hidden_state'],
        name: 'embed_tokens',
      }),
    ],
    initializer: [
      onnx.TensorProto.create({
        name: 'embeddings',
        dataType: onnx.TensorProto.DataType.FLOAT,
        dims: [vocabulary.length, TINY_MODEL_DIMENSION],
        floatData: table,
      }),
    ],
    // attention_mask and token_type_ids are declared so the runtime is fed
    // them, as it would be for a real BERT export; the graph ignores them.
    input: [
      tokenInput('input_ids'),
      tokenInput('attention_mask'),
      tokenInput('token_type_ids'),
    ],
    output: [
      onnx.ValueInfoProto.create({
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: {
              dim: [
                { dimParam: 'batch' },
                { dimParam: 'sequence' },
                { dimValue: TINY_MODEL_DIMENSION },
              ],
            },
          },
        },
      }),
    ],
  });

  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'shopmate-test-helpers',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocabulary: string[]) {
  const ids = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: token, type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: ids[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
      ],
      pair: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [
          token,
          { id: token, ids: [ids[token]], tokens: [token] },
        ]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

function tokenizerConfig() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: TINY_MODEL_MAX_TOKENS,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

function modelConfig(vocabulary: string[]) {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: TINY_MODEL_DIMENSION,
    vocab_size: vocabulary.length,
    max_position_embeddings: TINY_MODEL_MAX_TOKENS,
    num_attention_heads: 1,
    num_hidden_layers: 1,
  };
}

function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
