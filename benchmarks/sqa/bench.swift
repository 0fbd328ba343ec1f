// qrepl's side of the SQA benchmark, printing one line of key=value results.
//
//   bench sqa <instance.coo> <reads> <sweeps> <trotter> <threads> [seed]
//
// Runs SimulatedQuantumAnnealing on the linear schedule H(s) = −Γ(1 − s) Σ σx + s H_P
// with Γ = 1 and β = 5 (OpenJij's SQASampler defaults), reporting the slice with the
// lowest energy of each read. Times are the sampling call only: wall clock and this
// process's CPU time. Instances are dimod COO text ("i j bias", "i i bias" for a field).
// Compiled by run.sh against the release build of IsingCore.
import Foundation
import IsingCore

func wall() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func cpu() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    print("error: \(message)")
    exit(1)
}

func readModel(_ path: String) -> SpinModel {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    var bqm = BinaryQuadraticModel(vartype: .spin)
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let f = line.split(separator: " ")
        guard f.count == 3, let i = Int(f[0]), let j = Int(f[1]), let b = Double(f[2]) else { continue }
        if i == j { bqm.addLinear(.int(i), b) } else { bqm.addQuadratic(.int(i), .int(j), b) }
    }
    var ordered = BinaryQuadraticModel(vartype: .spin)
    for v in bqm.variables.sorted() { ordered.addLinear(v, bqm.linear(v)) }
    for t in bqm.interactions { ordered.addQuadratic(bqm.variables[t.u], bqm.variables[t.v], t.bias) }
    return ordered.spinModel()
}

let args = CommandLine.arguments
guard args.count >= 7, args[1] == "sqa", let reads = Int(args[3]), let sweeps = Int(args[4]),
      let trotter = Int(args[5]), let threads = Int(args[6]) else {
    print("usage: bench sqa <instance.coo> <reads> <sweeps> <trotter> <threads> [seed]")
    exit(2)
}
do {
    let seed = UInt64(args.count > 7 ? args[7] : "1") ?? 1
    let model = readModel(args[2])
    let sqa = try SimulatedQuantumAnnealing(schedule: try AnnealSchedule.linear(gamma: 1), trotter: trotter,
                                            sweeps: sweeps, beta: 5, readout: .best)
    _ = try sqa.sample(model, SampleRequest(reads: 16, seed: seed &+ 99, threads: 1))  // warm-up
    let (w0, c0) = (wall(), cpu())
    let result = try sqa.sample(model, SampleRequest(reads: reads, seed: seed, threads: threads))
    let (seconds, cpuSeconds) = (wall() - w0, cpu() - c0)
    let spinSweeps = Double(reads) * Double(model.count) * Double(sweeps)
    let best = result.energies.min() ?? .nan
    let mean = result.energies.reduce(0, +) / Double(max(result.energies.count, 1))
    print("seconds=\(seconds) cpu_seconds=\(cpuSeconds) us_per_spin_sweep_cpu=\(cpuSeconds / spinSweeps * 1e6) "
          + "us_per_spin_sweep_wall=\(seconds / spinSweeps * 1e6) best=\(best) mean=\(mean)")
} catch {
    fail("\(error)")
}
