import IsingCore

extension BuiltinRegistry {
    /// Seeded random numbers: with `seed:` a call is reproducible on its own; without it,
    /// numbers come from the session generator, itself seeded by `seed(n)` (0 at start).
    static func registerRandom(into r: inout BuiltinRegistry) {
        r.add("seed", [.required("n")], topic: "random", doc: """
            Restarts the session's random generator from seed n (used by random functions called without `seed:`).
            seed(42); let a = rand(); seed(42); rand() == a   # true
            """) { args in
            let n = try args.int(0)
            args.interpreter.sessionRandom = Xoshiro256(seed: n)
            args.interpreter.noteSeed(n)
            return .null
        }

        r.add("rand", [.optional("n"), .optional("seed")], topic: "random", doc: """
            A uniform float in [0, 1), or a list of n of them.
            rand(seed: 1)        # the same number every time
            rand(3, seed: 1)     # three numbers
            """) { args in
            try args.interpreter.withRandom(args, seedIndex: 1) { g in
                try drawn(args, countIndex: 0) { .float(g.nextDouble()) }
            }
        }

        r.add("uniform", [.optional("low", "0.0"), .optional("high", "1.0"), .optional("n"), .optional("seed")], topic: "random", doc: """
            A uniform float in [low, high), or a list of n of them.
            uniform(-1, 1, n: 4, seed: 7)
            """) { args in
            let lo = try args.double(0, default: 0), hi = try args.double(1, default: 1)
            guard hi >= lo else { throw args.error("`high` must not be below `low`") }
            return try args.interpreter.withRandom(args, seedIndex: 3) { g in
                try drawn(args, countIndex: 2) { .float(lo + (hi - lo) * g.nextDouble()) }
            }
        }

        r.add("normal", [.optional("mean", "0.0"), .optional("std", "1.0"), .optional("n"), .optional("seed")], topic: "random", doc: """
            A Gaussian float with this mean and standard deviation, or a list of n of them.
            normal(0, 0.1, n: 5, seed: 3)
            """) { args in
            let mu = try args.double(0, default: 0), sigma = try args.double(1, default: 1)
            guard sigma >= 0 else { throw args.error("`std` must not be negative") }
            return try args.interpreter.withRandom(args, seedIndex: 3) { g in
                try drawn(args, countIndex: 2) { .float(mu + sigma * g.nextGaussian()) }
            }
        }

        r.add("randint", [.required("low"), .required("high"), .optional("n"), .optional("seed")], topic: "random", doc: """
            A uniform integer k with low <= k < high (like the range low..<high), or a list of n of them.
            randint(0, 6, seed: 2)
            """) { args in
            let lo = try args.int(0), hi = try args.int(1)
            let (width, o) = hi.subtractingReportingOverflow(lo)
            guard !o, width > 0 else { throw args.error("`high` must be greater than `low`") }
            return try args.interpreter.withRandom(args, seedIndex: 3) { g in
                try drawn(args, countIndex: 2) { .int(lo + g.nextInt(below: width)) }
            }
        }

        r.add("choice", [.required("xs"), .optional("seed")], topic: "random", doc: "One element picked uniformly at random.") { args in
            let items = try args.sequence(0)
            guard !items.isEmpty else { throw args.error("cannot choose from an empty list") }
            return try args.interpreter.withRandom(args, seedIndex: 1) { g in items[g.nextInt(below: items.count)] }
        }

        r.add("shuffle", [.required("xs"), .optional("seed")], topic: "random", doc: """
            A new list with the elements in random order (Fisher-Yates).
            shuffle([1, 2, 3, 4], seed: 5)
            """) { args in
            var items = try args.sequence(0)
            return try args.interpreter.withRandom(args, seedIndex: 1) { g in
                if items.count > 1 {
                    for i in stride(from: items.count - 1, to: 0, by: -1) {
                        items.swapAt(i, g.nextInt(below: i + 1))
                    }
                }
                return .list(items)
            }
        }
    }

    /// One value, or a list of `n` values when the count argument is given.
    static func drawn(_ args: Arguments, countIndex: Int, _ one: () -> Value) throws -> Value {
        guard args.has(countIndex) else { return one() }
        let n = try args.int(countIndex)
        guard n >= 0, n <= 100_000_000 else { throw args.error("`n` must be between 0 and 100000000") }
        return .list((0..<n).map { _ in one() })
    }
}

extension Interpreter {
    /// Runs `body` with a generator seeded from the `seed:` argument when given, else
    /// with the session generator.
    func withRandom(_ args: Arguments, seedIndex: Int, _ body: (inout Xoshiro256) throws -> Value) throws -> Value {
        if args.has(seedIndex) {
            let s = try args.int(seedIndex)
            noteSeed(s)
            var g = Xoshiro256(seed: s)
            return try body(&g)
        }
        return try body(&sessionRandom)
    }
}
