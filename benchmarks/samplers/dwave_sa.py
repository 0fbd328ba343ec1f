"""dwave-samplers' SimulatedAnnealingSampler on a COO instance, one line of key=value.

    python dwave_sa.py INSTANCE READS SWEEPS SEED

Defaults otherwise (geometric schedule, default beta range, Metropolis, sequential
order). Throughput counts sampling time only (info['timing']['sampling_ns']), which
leaves out dimod's preprocessing; its sampler is single-threaded.
"""
import sys
import time

import dimod
from dwave.samplers import SimulatedAnnealingSampler

import coo

path, reads, sweeps, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
n, h, J = coo.read(path)
bqm = dimod.BQM.from_ising(h, J)
for v in range(n):
    bqm.add_variable(v)
sampler = SimulatedAnnealingSampler()
sampler.sample(bqm, num_reads=1, num_sweeps=10, seed=seed + 99)  # warm-up
t0 = time.perf_counter()
result = sampler.sample(bqm, num_reads=reads, num_sweeps=sweeps, seed=seed)
wall = time.perf_counter() - t0
seconds = result.info["timing"]["sampling_ns"] / 1e9
energies = result.record.energy
sem = energies.std(ddof=1) / len(energies) ** 0.5 if len(energies) > 1 else 0.0
print(f"seconds={seconds} wall={wall} updates_per_s={reads * sweeps * n / seconds} "
      f"best={energies.min()} mean={energies.mean()} sem={sem}")
