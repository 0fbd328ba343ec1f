import IsingCore

/// What a reduction computes.
public enum Reduction: String, Sendable {
    case sum, mean, max, min, argmax, argmin
}

extension Tensor {
    /// Reduces over every element (axis nil) or along one axis (negative counts from the
    /// end), removing that axis.
    public func reduce(_ kind: Reduction, axis: Int? = nil) throws -> Tensor {
        guard let axis else {
            guard count > 0 || kind == .sum else { throw IsingError("\(kind.rawValue) of an empty tensor") }
            return Tensor(unchecked: [], [Tensor.reduceLine(data[...], kind)], dtype: kind == .argmax || kind == .argmin ? .float64 : dtype)
        }
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else {
            throw IsingError("axis \(axis) is out of range for a tensor of shape \(shapeText)")
        }
        let n = shape[a]
        guard n > 0 || kind == .sum else { throw IsingError("\(kind.rawValue) along an empty axis of shape \(shapeText)") }
        let outer = shape[..<a].reduce(1, *)
        let inner = shape[(a + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        var line = [Double](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                for k in 0..<n { line[k] = data[(o * n + k) * inner + i] }
                out[o * inner + i] = Tensor.reduceLine(line[...], kind)
            }
        }
        var newShape = shape
        newShape.remove(at: a)
        return Tensor(unchecked: newShape, out, dtype: kind == .argmax || kind == .argmin ? .float64 : dtype)
    }

    static func reduceLine(_ xs: ArraySlice<Double>, _ kind: Reduction) -> Double {
        switch kind {
        case .sum: return xs.reduce(0, +)
        case .mean: return xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
        case .max: return xs.max() ?? -.infinity
        case .min: return xs.min() ?? .infinity
        case .argmax, .argmin:
            var best = xs.startIndex
            for k in xs.indices where kind == .argmax ? xs[k] > xs[best] : xs[k] < xs[best] { best = k }
            return Double(best - xs.startIndex)
        }
    }
}
