"""Writes the 1797 8x8 digits (scikit-learn's load_digits, the OptDigits test set)
binarised at half intensity, as digits.npy (float64 rows) and labels.npy."""
import sys

import numpy as np
from sklearn.datasets import load_digits

out = sys.argv[1]
digits = load_digits()
x = (digits.data / 16.0 > 0.5).astype(np.float64)
np.save(f"{out}/digits.npy", x)
np.save(f"{out}/labels.npy", digits.target.astype(np.int64))
print(f"digits: {x.shape[0]} rows of {x.shape[1]} pixels, {x.mean():.3f} of them on")
