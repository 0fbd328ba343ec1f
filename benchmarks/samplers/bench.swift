// qrepl's side of the sampler benchmark, printing one line of key=value results.
//
//   bench sa <instance.coo> <reads> <sweeps> <threads> [seed]
//       SimulatedAnnealing with default settings (geometric schedule, dwave-samplers'
//       default beta range, Metropolis, sequential order).
//   bench exact <instance.coo> <threads>
//       ExactSolver at beta = 1: log Z, ground states, magnetisations and correlations.
//
// Instances are dimod COO text ("i j bias", "i i bias" for a field, '#' comments).
// Compiled by run.sh against the release build of IsingCore.
import Foundation
import IsingCore

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

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
    // variables in index order, whatever order the file mentions them in
    var ordered = BinaryQuadraticModel(vartype: .spin)
    let labels = bqm.variables.sorted()
    for v in labels { ordered.addLinear(v, bqm.linear(v)) }
    for t in bqm.interactions { ordered.addQuadratic(bqm.variables[t.u], bqm.variables[t.v], t.bias) }
    return ordered.spinModel()
}

let args = CommandLine.arguments
do {
    if args.count == 4, args[1] == "exact", let threads = Int(args[3]) {
        let model = readModel(args[2])
        let solver = try ExactSolver(beta: 1)
        let t0 = now()
        let x = try solver.summary(of: model, threads: threads)
        let seconds = now() - t0
        let states = pow(2, Double(model.count))
        print("seconds=\(seconds) states_per_s=\(states / seconds) log_z=\(x.logZ) ground=\(x.groundEnergy) "
              + "ground_states=\(x.groundStates.count)")
    } else if args.count >= 6, args[1] == "sa", let reads = Int(args[3]), let sweeps = Int(args[4]), let threads = Int(args[5]) {
        let seed = UInt64(args.count > 6 ? args[6] : "1") ?? 1
        let model = readModel(args[2])
        let sa = try SimulatedAnnealing(sweeps: sweeps)
        _ = try sa.sample(model, SampleRequest(reads: 1, seed: seed &+ 99, threads: 1))  // warm-up
        let t0 = now()
        let result = try sa.sample(model, SampleRequest(reads: reads, seed: seed, threads: threads))
        let seconds = now() - t0
        let updates = Double(reads) * Double(model.count) * Double(sweeps)
        let best = result.energies.min() ?? .nan
        let count = Double(max(result.energies.count, 1))
        let mean = result.energies.reduce(0, +) / count
        let variance = result.energies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(count - 1, 1)
        let sem = (variance / count).squareRoot()
        print("seconds=\(seconds) updates_per_s=\(updates / seconds) best=\(best) mean=\(mean) sem=\(sem)")
    } else {
        print("usage: bench sa <instance.coo> <reads> <sweeps> <threads> [seed] | bench exact <instance.coo> <threads>")
        exit(2)
    }
} catch {
    fail("\(error)")
}
