import Foundation
import IsingCore

/// Data sets made from nothing, from a model, or from the data shipped with qrepl.
extension Dataset {
    /// Every bars-and-stripes picture of `rows` × `cols` spins, as seed 004 counts them:
    /// the 2^rows pictures whose rows are each all -1 or all +1 (bars), then the 2^cols
    /// pictures whose columns are (stripes). The all -1 and all +1 pictures are both bars
    /// and stripes and appear twice, so 7 × 6 gives 128 + 64 = 192 pictures. Labels are
    /// 0 for bars and 1 for stripes.
    public static func barsAndStripes(rows: Int, cols: Int) throws -> Dataset {
        guard rows >= 1, cols >= 1, rows <= 20, cols <= 20 else {
            throw IsingError("bars and stripes needs between 1 and 20 rows and columns, got \(rows) x \(cols)")
        }
        guard ((1 << rows) + (1 << cols)) * rows * cols <= 50_000_000 else {
            throw IsingError("bars and stripes of \(rows) x \(cols) would hold more than 50 million values")
        }
        var values: [Double] = []
        var labels: [Int] = []
        for k in 0..<(1 << rows) {
            for y in 0..<rows { for _ in 0..<cols { values.append((k >> y) & 1 == 1 ? 1 : -1) } }
            labels.append(0)
        }
        for k in 0..<(1 << cols) {
            for _ in 0..<rows { for x in 0..<cols { values.append((k >> x) & 1 == 1 ? 1 : -1) } }
            labels.append(1)
        }
        return try Dataset(values: values, dimension: rows * cols, labels: labels,
                           shape: PictureShape(height: rows, width: cols), name: "bars_and_stripes(\(rows), \(cols))")
    }

    /// `count` states drawn exactly from the Boltzmann distribution exp(-β E(s)) / Z of a
    /// spin model of at most 30 variables, as ±1 rows in the model's variable order.
    public static func exactSamples(of model: BinaryQuadraticModel, count: Int, seed: UInt64, beta: Double = 1,
                                    threads: Int = 1) throws -> Dataset {
        guard count >= 0, count <= 10_000_000, count * max(model.count, 1) <= 100_000_000 else {
            throw IsingError("the count must be between 0 and 10000000, and count x variables at most 10^8; got \(count) x \(model.count)")
        }
        let solver = try ExactSolver(beta: beta)
        let spins = model.vartype == .spin ? model : model.converted(to: .spin)
        let raw = try solver.sample(SpinModel(spins), SampleRequest(reads: count, seed: seed, threads: threads))
        return try Dataset(values: raw.states.map(Double.init), dimension: spins.count, name: "exact samples")
    }

    /// The OptDigits test set shipped in qrepl's `data/` folder: 1797 pictures of 8 × 8
    /// grey levels 0...16 with their digit labels (see data/README.md for the source).
    public static func optDigits() throws -> Dataset {
        let path = try DataFiles.locate("optdigits-8x8.csv")
        var d = try NumericText.load(path, labelColumn: .last, shape: PictureShape(height: 8, width: 8))
        d.name = "digits()"
        return d
    }
}

/// Finding the data files shipped with qrepl.
public enum DataFiles {
    /// The path of `name` in qrepl's data folder: `$QREPL_DATA`, then `data/` in the
    /// current directory or above it, then next to the executable's package, then the
    /// source tree qrepl was built from.
    public static func locate(_ name: String) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["QREPL_DATA"] { candidates.append(dir) }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<4 { candidates.append(dir.appendingPathComponent("data").path); dir.deleteLastPathComponent() }
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<5 { exe.deleteLastPathComponent(); candidates.append(exe.appendingPathComponent("data").path) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("data").path)
        for c in candidates {
            let p = c + "/" + name
            if fm.fileExists(atPath: p) { return p }
        }
        throw IsingError("cannot find the data file \(name); looked in \(candidates.first ?? "data/") and the folders above it")
    }
}
