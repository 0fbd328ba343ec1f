// qrepl's side of the sampler benchmark, printing one line of key=value results.
//
//   bench sa <instance.coo> <reads> <sweeps> <threads> [seed]
//       SimulatedAnnealing on an Ising instance in dimod's COO text form ("i i h" for a
//       field, "i j J" for a coupling).
//   bench exact <n> <threads>
//       ExactSolver's log Z, ground states and marginals on a dense n-spin instance
//       (Gaussian couplings and fields, seed 1).
import Foundation
import IsingCore

let args = CommandLine.arguments
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

if args.count >= 4, args[1] == "exact", let n = Int(args[2]), let threads = Int(args[3]) {
    var g = Xoshiro256(seed: UInt64(1))
    var bqm = BinaryQuadraticModel(vartype: .spin)
    for i in 0..<n { bqm.addLinear(.int(i), 0.1 * g.nextGaussian()) }
    for i in 0..<n { for j in (i + 1)..<n { bqm.addQuadratic(.int(i), .int(j), g.nextGaussian() / Double(n).squareRoot()) } }
    do {
        let solver = try ExactSolver(beta: 1)
        let t0 = now()
        let x = try solver.summary(of: bqm.spinModel(), threads: threads)
        let seconds = now() - t0
        print("n=\(n) threads=\(threads) seconds=\(seconds) states_per_s=\(pow(2, Double(n)) / seconds) log_z=\(x.logZ) ground=\(x.groundEnergy) ground_states=\(x.groundStates.count)")
    } catch {
        print("error: \(error)")
        exit(1)
    }
    exit(0)
}

guard args.count >= 6, args[1] == "sa", let reads = Int(args[3]), let sweeps = Int(args[4]), let threads = Int(args[5]) else {
    print("usage: bench sa <instance.coo> <reads> <sweeps> <threads> [seed] | bench exact <n> <threads>")
    exit(2)
}
let seed = UInt64(args.count > 6 ? args[6] : "1") ?? 1

guard let text = try? String(contentsOfFile: args[2], encoding: .utf8) else { print("cannot read \(args[1])"); exit(1) }
var bqm = BinaryQuadraticModel(vartype: .spin)
for line in text.split(separator: "\n") where !line.hasPrefix("#") {
    let f = line.split(separator: " ")
    guard f.count == 3, let i = Int(f[0]), let j = Int(f[1]), let b = Double(f[2]) else { continue }
    if i == j { bqm.addLinear(.int(i), b) } else { bqm.addQuadratic(.int(i), .int(j), b) }
}
let model = bqm.spinModel()
do {
    let sa = try SimulatedAnnealing(sweeps: sweeps)
    // warm-up on a few reads (page faults, lazy setup), then the timed run
    _ = try sa.sample(model, SampleRequest(reads: 1, seed: seed &+ 99, threads: 1))
    let t0 = now()
    let result = try sa.sample(model, SampleRequest(reads: reads, seed: seed, threads: threads))
    let seconds = now() - t0
    let updates = Double(reads) * Double(model.count) * Double(sweeps)
    let best = result.energies.min() ?? .nan
    let mean = result.energies.reduce(0, +) / Double(max(result.energies.count, 1))
    print("seconds=\(seconds) updates_per_s=\(updates / seconds) best=\(best) mean=\(mean)")
} catch {
    print("error: \(error)")
    exit(1)
}
