"""scikit-learn's BernoulliRBM on the binarised digits: seconds per epoch, and the
learned parameters saved for the shared pseudo-likelihood evaluation."""
import json
import sys
import time

import numpy as np
from sklearn.neural_network import BernoulliRBM

out, hidden, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = np.load(f"{out}/digits.npy")
rbm = BernoulliRBM(n_components=hidden, learning_rate=0.1, batch_size=10, n_iter=epochs, random_state=0)
start = time.perf_counter()
rbm.fit(x)
seconds = time.perf_counter() - start
np.save(f"{out}/sk{hidden}_W.npy", rbm.components_.T.copy())
np.save(f"{out}/sk{hidden}_b.npy", rbm.intercept_visible_)
np.save(f"{out}/sk{hidden}_c.npy", rbm.intercept_hidden_)
print(json.dumps({"tool": "sklearn", "hidden": hidden, "epochs": epochs, "seconds": seconds,
                  "per_epoch": seconds / epochs, "score_samples": float(rbm.score_samples(x).mean())}))
