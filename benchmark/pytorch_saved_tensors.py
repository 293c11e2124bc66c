#!/usr/bin/python3
"""What PyTorch's autograd keeps for the backward pass (Debian's python3-torch; run with /usr/bin/python3):
tutorial chapter 8's statements about saved tensors, checked on this PyTorch, and the number of doubles
saved for the three networks of chapter 8's memory table, for one sample and for a batch of 64.

Each statement is asserted (the script fails if this PyTorch behaves otherwise); the counts come from
torch.autograd.graph.saved_tensors_hooks: every tensor a backward function saves passes through the pack
hook during the forward pass. Counted once per storage (a saved tensor is a reference: the tanh's output
and the next layer's saved input are one storage); the leaves (inputs, targets, parameters and views of
them) are not counted, as memograd's values buffer does not copy its leaves either.

Writes docs/data/pytorch_saved_tensors.txt (docs/generate.py makes chapter 8's table from it).
"""
import gc
import sys
import weakref
from pathlib import Path

import torch

torch.manual_seed(0)
f64 = torch.float64


def saved_names(t):
    """The tensors a backward function saved, by attribute name (None when it saved none under that name)."""
    return {name: getattr(t.grad_fn, name) for name in dir(t.grad_fn)
            if name.startswith("_saved_") and isinstance(getattr(t.grad_fn, name), (torch.Tensor, type(None)))}


def check_statements():
    """Chapter 8's list: what each operation saves, that a pre-activation is freed, that saving is by reference."""
    a = torch.randn(3, dtype=f64, requires_grad=True)
    b = torch.randn(3, dtype=f64, requires_grad=True)
    data = torch.randn(3, dtype=f64)
    checks = []

    t = torch.tanh(a)
    assert list(saved_names(t)) == ["_saved_result"] and t.grad_fn._saved_result.data_ptr() == t.data_ptr()
    checks.append("torch.tanh saves its output")
    s = torch.sigmoid(a)
    assert list(saved_names(s)) == ["_saved_result"] and s.grad_fn._saved_result.data_ptr() == s.data_ptr()
    checks.append("torch.sigmoid saves its output")
    m = a * b
    assert m.grad_fn._saved_self is not None and m.grad_fn._saved_other is not None
    m = a * data  # only a needs a gradient: a's derivative needs the other operand, data's is never computed
    assert m.grad_fn._saved_self is None and m.grad_fn._saved_other is not None
    checks.append("torch.mul saves both inputs, each only if the other operand needs a gradient")
    assert list(saved_names(a + b)) == []
    checks.append("torch.add saves no tensor")
    p = a ** 2
    assert p.grad_fn._saved_self.data_ptr() == a.data_ptr()
    checks.append("pow saves its input")

    # tanh(W x + b): the pre-activation is referenced by nothing once the forward pass is done with it.
    layer = torch.nn.Linear(3, 4).double()
    pre_activation = layer(a.unsqueeze(0))
    probe = weakref.ref(pre_activation)
    h = torch.tanh(pre_activation)
    del pre_activation
    gc.collect()
    assert probe() is None
    checks.append("the pre-activation W x + b of tanh(W x + b) is freed after the forward pass")
    # A saved tensor is a reference: the next layer's saved input is the tanh's saved output.
    out = torch.nn.Linear(4, 2).double()(h)
    assert out.grad_fn._saved_mat1.data_ptr() == h.grad_fn._saved_result.data_ptr() == h.data_ptr()
    checks.append("the next linear layer's saved input and the tanh's saved output are one tensor")
    return checks


def saved_doubles(loss_of, leaves):
    """Doubles in the storages saved for backward while computing loss_of(), leaves' storages excluded."""
    leaf_storages = {leaf.storage().data_ptr() for leaf in leaves}
    saved = {}

    def pack(tensor):
        storage = tensor.storage()
        if storage.data_ptr() not in leaf_storages:
            saved[storage.data_ptr()] = storage.size()
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        loss = loss_of()
    loss.backward()  # the graph is complete and usable: what was saved is what backward needed
    return sum(saved.values())


def network_counts(sizes, hidden, output, loss, batch):
    """Saved doubles of a Linear/activation stack on `batch` samples."""
    layers = [torch.nn.Linear(m, n).double() for m, n in zip(sizes, sizes[1:])]
    x = torch.randn(batch, sizes[0], dtype=f64)
    y = torch.randn(batch, sizes[-1], dtype=f64)

    def forward_and_loss():
        h = x
        for i, layer in enumerate(layers):
            h = (hidden if i + 1 < len(layers) else output)(layer(h))
        return loss(h, y)

    return saved_doubles(forward_and_loss, [x, y] + [p for layer in layers for p in layer.parameters()])


# The networks of chapter 8's memory table, as examples/memory_cost.cpp builds them.
NETWORKS = [
    ("lecture 2-2-2-1 (scalar)", [2, 2, 2, 1], torch.sigmoid, torch.sigmoid,
     lambda out, y: ((y - out) ** 2).sum()),
    ("2-16-16-1 (scalar)", [2, 16, 16, 1], torch.tanh, lambda h: h, lambda out, y: ((out - y) ** 2).sum()),
    ("784-128-10 (layer graph)", [784, 128, 10], torch.tanh, lambda h: h, torch.nn.functional.mse_loss),
]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs/data"
    lines = [f"# benchmark/pytorch_saved_tensors.py, PyTorch {torch.__version__} (Debian python3-torch), CPU, float64"]
    lines += [f"statement\t{text}" for text in check_statements()]
    for name, sizes, hidden, output, loss in NETWORKS:
        lines.append(f"saved\t{name}\t{network_counts(sizes, hidden, output, loss, 1)}"
                     f"\t{network_counts(sizes, hidden, output, loss, 64)}")
    (out / "pytorch_saved_tensors.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
