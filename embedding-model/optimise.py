"""Builds Gaia's int8 bge-small-en-v1.5 from the full-precision ONNX export (see README.md).

Usage: optimise.py FULL_PRECISION.onnx OUTPUT.onnx

1. ONNX Runtime's transformer optimiser fuses each layer's attention, its two skip-and-normalise
   steps and its GELU, and the embedding sum with its normalisation: 1244 nodes become 88.
2. Dynamic quantisation turns every weight matrix into int8, one scale per output channel; the
   activations are quantised at run time.
"""

import sys
import tempfile
from pathlib import Path

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers import optimizer

BGE_SMALL_HEADS = 12
BGE_SMALL_HIDDEN = 384


def main(source: str, target: str) -> None:
    # opt_level 0: only the optimiser's own fusions, none of ONNX Runtime's graph rewrites, which
    # the runtime applies again when it loads the model and which depend on the machine.
    fused = optimizer.optimize_model(source, model_type="bert", num_heads=BGE_SMALL_HEADS,
                                     hidden_size=BGE_SMALL_HIDDEN, opt_level=0, use_gpu=False)
    statistics = fused.get_fused_operator_statistics()
    for operator in ("EmbedLayerNormalization", "Attention", "SkipLayerNormalization", "BiasGelu"):
        if statistics.get(operator, 0) == 0:
            sys.exit(f"the optimiser fused no {operator}: is {source} a BERT export?")
    with tempfile.TemporaryDirectory() as scratch:
        fused_path = str(Path(scratch) / "fused.onnx")
        fused.save_model_to_file(fused_path)
        # The fused operators are outside ONNX's shape inference; their outputs are float.
        quantize_dynamic(fused_path, target, weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    fusions = ", ".join(f"{count} {operator}" for operator, count in statistics.items() if count)
    print(f"{target}: {len(onnx.load(target).graph.node)} nodes; fused {fusions}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
