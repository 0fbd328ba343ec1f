#!/usr/bin/env python3
"""Regenerates the dimod / NumPy / csv fixture files that FormatTests.swift reads.

Run from anywhere with a Python that has dimod and numpy:

    python3 -m venv /tmp/dimodenv && /tmp/dimodenv/bin/pip install dimod numpy
    /tmp/dimodenv/bin/python Tests/IsingCoreTests/Fixtures/make_fixtures.py

The files were made with dimod 0.12.23 and numpy 2.4.6 (see versions.txt). Every
file here is written by the real library, never by hand, so the tests check qrepl
against what dimod and NumPy actually produce.
"""
import csv
import json
import os

import dimod
import numpy as np
from dimod.serialization import coo

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def dump_json(name, obj):
    with open(path(name), "w") as f:
        f.write(json.dumps(obj) + "\n")


# Integer labels, SPIN, biases chosen to need all 17 significant digits, tiny and
# huge magnitudes, a negative zero and an offset. Labels are added out of order;
# dimod sorts them when it serialises.
spin_int = dimod.BinaryQuadraticModel("SPIN")
spin_int.add_variable(2, 0.1)
spin_int.add_variable(0, 1.0 / 3.0)
spin_int.add_variable(1, -1e-05)
spin_int.add_variable(3, 1e16)
spin_int.add_variable(4, -0.0)
spin_int.add_interaction(0, 1, -1.0)
spin_int.add_interaction(1, 2, 0.7)
spin_int.add_interaction(2, 3, 2.5e-300)
spin_int.add_interaction(0, 4, -123456.789)
spin_int.offset = 0.25
dump_json("bqm_int_spin.json", spin_int.to_serializable())

# String labels, BINARY (dimod keeps insertion order of unsortable or sorted labels).
binary_str = dimod.BinaryQuadraticModel("BINARY")
for label, bias in [("x", -1.5), ("y", 2.0), ("z", 0.0), ("ü", 0.125)]:
    binary_str.add_variable(label, bias)
binary_str.add_interaction("x", "y", 3.0)
binary_str.add_interaction("y", "z", -0.5)
binary_str.add_interaction("x", "ü", 1.75)
binary_str.offset = -2.0
dump_json("bqm_str_binary.json", binary_str.to_serializable())

# Mixed labels including tuples (JSON lists): qrepl maps tuples to strings.
mixed = dimod.BinaryQuadraticModel({"a": 1.0, ("c", 1): 2.0, 7: -1.0, (0, (1, 2)): 0.5},
                                   {("a", ("c", 1)): -1.0, (7, (0, (1, 2))): 0.25}, 0.0, "SPIN")
dump_json("bqm_tuple_labels.json", mixed.to_serializable())

# A SPIN sample set: every state of a 6-spin model with dyadic biases (all energies
# exact in binary), from dimod's ExactSolver.
dyadic = dimod.BinaryQuadraticModel(
    {0: 0.5, 1: -0.25, 2: 1.0, 3: 0.0, 4: -2.0, 5: 0.125},
    {(0, 1): -1.0, (1, 2): 0.75, (2, 3): -1.5, (3, 4): 1.0, (4, 5): -0.5, (0, 5): 2.0, (1, 4): -0.375},
    -1.0, "SPIN")
dump_json("bqm_dyadic_spin.json", dyadic.to_serializable())
exact = dimod.ExactSolver().sample(dyadic)
dump_json("samples_exact_spin.json", exact.to_serializable())

# A BINARY sample set over 40 string-labelled variables (two packed words per row),
# with repeated rows aggregated into counts, integral energies (which dimod writes
# as JSON integers) and info entries of several kinds.
rng = np.random.default_rng(7)
labels = ["v%d" % k for k in range(40)]
rows = rng.integers(0, 2, size=(5, 40)).astype(np.int8)
rows = np.vstack([rows, rows[:2]])
wide = dimod.BinaryQuadraticModel({v: float(k % 5) - 2.0 for k, v in enumerate(labels)},
                                  {(labels[k], labels[k + 1]): 1.0 for k in range(39)}, 0.0, "BINARY")
binary_samples = dimod.SampleSet.from_samples_bqm((rows, labels), wide,
                                                  info={"sampler": "fixture", "beta": 1.5, "reads": 7,
                                                        "betas": [0.1, 1.0, 10.0]}).aggregate()
dump_json("samples_binary_wide.json", binary_samples.to_serializable())
dump_json("bqm_binary_wide.json", wide.to_serializable())

# dimod's COO text format, with and without the vartype header.
coo_model = dimod.BinaryQuadraticModel({0: -1.0, 2: 0.5, 5: 1.25}, {(0, 1): 1.0, (1, 2): -4.5, (2, 5): 0.75}, 0.0, "BINARY")
with open(path("model_binary.coo"), "w") as f:
    coo.dump(coo_model, f, vartype_header=True)
with open(path("model_spin.coo"), "w") as f:
    coo.dump(dimod.BinaryQuadraticModel({0: 1.0, 1: -2.0}, {(0, 1): -0.5}, 0.0, "SPIN"), f, vartype_header=True)

# NumPy .npy files: every supported dtype in 1-D and 2-D, plus files qrepl must refuse.
np.save(path("int8_states.npy"), np.array([[1, -1, 1], [-1, -1, 1]], dtype=np.int8))
np.save(path("int32_vector.npy"), np.array([0, -7, 2147483647, -2147483648], dtype=np.int32))
np.save(path("int64_matrix.npy"), np.array([[1, 2], [3, -(2 ** 62)], [5, 6]], dtype=np.int64))
np.save(path("float32_vector.npy"), np.array([0.1, -2.5, 3e38], dtype=np.float32))
np.save(path("float64_matrix.npy"), np.array([[0.1, 1.0 / 3.0, -1e-300], [2.0, np.inf, -0.0]], dtype=np.float64))
np.save(path("bool_matrix.npy"), np.array([[True, False], [False, True], [True, True]]))
np.save(path("fortran_matrix.npy"), np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
np.save(path("cube.npy"), np.zeros((2, 2, 2)))
with open(path("version2_vector.npy"), "wb") as f:
    np.lib.format.write_array(f, np.array([1.5, -2.5]), version=(2, 0))

# A CSV table written by Python's csv module: quotes, commas and line breaks in fields.
with open(path("table.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["beta", "label", "energy", "note"])
    w.writerow([0.5, "plain", -1.25, ""])
    w.writerow([1, 'say "hi", twice', 3, "two\nlines"])
    w.writerow([2.0, "a,b", 1e-05, "'single'"])

with open(path("versions.txt"), "w") as f:
    f.write("dimod %s\nnumpy %s\n" % (dimod.__version__, np.__version__))
