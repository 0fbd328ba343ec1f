"""The other tools' side of the SQA benchmark, one line of key=value results.

    python others.py openjij <instance.coo> <reads> <sweeps> <trotter>
    python others.py pimc <instance.coo> <reads> <sweeps>

openjij: OpenJij's SQASampler, H(s) = s H_P + Gamma (1 - s) sum sigma_x with beta = 5,
         gamma = 1 (its defaults) and the given Trotter number.
pimc:    dwave-samplers' PathIntegralAnnealingSampler (continuous imaginary time) on the
         same linear schedule: longitudinal field beta s, transverse field beta Gamma (1 - s),
         one sweep per schedule point.
Times are the sampling call only: wall clock and this process's CPU time.
"""
import os
import sys
import time

import dimod
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samplers"))
from coo import read  # noqa: E402

BETA, GAMMA = 5.0, 1.0


def main():
    tool, path, reads, sweeps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    n, h, J = read(path)
    bqm = dimod.BinaryQuadraticModel.from_ising(h, J)
    for v in range(n):
        bqm.add_variable(v)
    if tool == "openjij":
        import openjij as oj
        trotter = int(sys.argv[5])
        sampler = oj.SQASampler()
        sampler.sample(bqm, beta=BETA, gamma=GAMMA, trotter=trotter, num_sweeps=10, num_reads=1, seed=99)
        w0, c0 = time.perf_counter(), time.process_time()
        # OpenJij seeds every read with the same `seed` (all reads come out identical), so
        # the reads here are left to its own random seeding.
        result = sampler.sample(bqm, beta=BETA, gamma=GAMMA, trotter=trotter, num_sweeps=sweeps, num_reads=reads)
    elif tool == "pimc":
        from dwave.samplers import PathIntegralAnnealingSampler
        s = np.linspace(0, 1, sweeps)
        sampler = PathIntegralAnnealingSampler()
        kwargs = dict(Hp_field=BETA * s, Hd_field=BETA * GAMMA * (1 - s), num_sweeps_per_beta=1,
                      beta_schedule_type="custom")
        w0, c0 = time.perf_counter(), time.process_time()
        result = sampler.sample(bqm, num_reads=reads, seed=1, **kwargs)
    else:
        raise SystemExit(f"unknown tool {tool}")
    seconds, cpu = time.perf_counter() - w0, time.process_time() - c0
    energies = np.repeat(result.record.energy, result.record.num_occurrences)
    spin_sweeps = reads * n * sweeps
    print(f"seconds={seconds} cpu_seconds={cpu} us_per_spin_sweep_cpu={cpu / spin_sweeps * 1e6} "
          f"us_per_spin_sweep_wall={seconds / spin_sweeps * 1e6} best={energies.min()} mean={energies.mean()}")


if __name__ == "__main__":
    main()
