import IsingCore

/// Corrupting pictures for reconstruction experiments: the corrupted data set keeps a
/// mask of the entries it changed, so a model knows which values it must not trust.
extension Dataset {
    /// Exactly round(`fraction` × pixels) pixels of each picture, chosen uniformly at
    /// random, are replaced by random ±1 values ("salt and pepper") and masked.
    /// Label columns are never touched.
    public func corruptedSaltPepper(fraction: Double, seed: UInt64) throws -> Dataset {
        guard fraction.isFinite, fraction >= 0, fraction <= 1 else { throw IsingError("the noise fraction must be between 0 and 1, got \(fraction)") }
        let pixels = shape?.pixels ?? (dimension - classColumns.count)
        let k = Int((fraction * Double(pixels)).rounded())
        var rng = Xoshiro256(seed: seed)
        var out = values
        var m = mask ?? [Bool](repeating: false, count: values.count)
        for r in 0..<count {
            let chosen = randomPermutation(pixels, &rng).prefix(k)
            for p in chosen {
                out[r * dimension + p] = rng.next() & 1 == 0 ? -1 : 1
                m[r * dimension + p] = true
            }
        }
        var d = try replacingValues(out)
        d.mask = m
        d.name = name + " |> corrupt"
        return d
    }

    /// A block of `rows` × `cols` pixels at a random position in each picture is set to
    /// `value` (-1, black) and masked.
    public func corruptedBlock(rows bh: Int, cols bw: Int, value: Double = -1, seed: UInt64) throws -> Dataset {
        guard let shape else { throw IsingError("block corruption needs pictures; this data set has no picture shape") }
        guard bh >= 1, bw >= 1, bh <= shape.height, bw <= shape.width else {
            throw IsingError("a \(bh) x \(bw) block does not fit in a \(shape.height) x \(shape.width) picture")
        }
        var rng = Xoshiro256(seed: seed)
        var out = values
        var m = mask ?? [Bool](repeating: false, count: values.count)
        for r in 0..<count {
            let top = rng.nextInt(below: shape.height - bh + 1)
            let left = rng.nextInt(below: shape.width - bw + 1)
            for y in top..<(top + bh) {
                for x in left..<(left + bw) {
                    out[r * dimension + y * shape.width + x] = value
                    m[r * dimension + y * shape.width + x] = true
                }
            }
        }
        var d = try replacingValues(out)
        d.mask = m
        d.name = name + " |> corrupt"
        return d
    }
}
