import Foundation
import IsingCore

/// A loss between a network's output and a target, with its gradient.
public enum Loss: String, Sendable {
    /// Mean squared error over all elements.
    case mse
    /// Softmax cross-entropy on logits against one-hot (or probability) targets, averaged over rows.
    case crossEntropy = "cross_entropy"

    /// The loss and d(loss)/d(output).
    public func evaluate(_ output: Tensor, _ target: Tensor) throws -> (loss: Double, grad: Tensor) {
        guard output.shape == target.shape else {
            throw IsingError("output shape \(output.shapeText) does not match target shape \(target.shapeText)")
        }
        guard output.count > 0 else { throw IsingError("the loss of an empty output is undefined") }
        switch self {
        case .mse:
            let n = Double(output.count)
            var total = 0.0
            for i in 0..<output.count { let d = output.data[i] - target.data[i]; total += d * d }
            return (total / n, try Tensor.zip(output, target) { 2 * ($0 - $1) / n })
        case .crossEntropy:
            let p = try Activation.softmax(output)
            let rows = Double(output.count / output.cols)
            var total = 0.0
            for i in 0..<output.count where target.data[i] != 0 {
                total -= target.data[i] * log(max(p.data[i], 1e-300))
            }
            return (total / rows, try Tensor.zip(p, target) { ($0 - $1) / rows })
        }
    }
}
