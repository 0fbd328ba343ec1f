import XCTest
import IsingCore
@testable import Learning

/// Every layer's backward pass against central finite differences of a scalar loss.
final class GradientTests: XCTestCase {
    /// The loss L = Σ (output ⊙ probe), whose gradient with respect to the output is the probe.
    func check(_ layer: Layer, input: Tensor, file: StaticString = #filePath, line: UInt = #line) throws {
        let out = try layer.forward(input)
        let probe = try Tensor.randn(out.shape, seed: 99)
        func loss(_ x: Tensor) throws -> Double {
            let y = try layer.forward(x)
            return zip(y.data, probe.data).reduce(0) { $0 + $1.0 * $1.1 }
        }
        layer.zeroGradients()
        _ = try layer.forward(input)
        let gx = try layer.backward(probe)
        let h = 1e-6
        for i in 0..<input.count {
            let up = try loss(input.setting(i, input.data[i] + h)), down = try loss(input.setting(i, input.data[i] - h))
            XCTAssertEqual(gx.data[i], (up - down) / (2 * h), accuracy: 1e-6, "input \(i)", file: file, line: line)
        }
        for p in layer.parameters {
            let analytic = p.grad
            let saved = p.value
            for i in 0..<saved.count {
                p.value = saved.setting(i, saved.data[i] + h); let up = try loss(input)
                p.value = saved.setting(i, saved.data[i] - h); let down = try loss(input)
                p.value = saved
                XCTAssertEqual(analytic.data[i], (up - down) / (2 * h), accuracy: 1e-6, "\(p.name) \(i)", file: file, line: line)
            }
        }
    }

    func testDenseGradientsOnBatchAndVector() throws {
        let layer = try Dense(inputs: 4, outputs: 3, seed: 1)
        layer.bias.value = Tensor(vector: [0.1, -0.2, 0.3])
        try check(layer, input: try Tensor.randn([5, 4], seed: 2))
        try check(layer, input: try Tensor.randn([4], seed: 3))
    }

    func testActivationGradients() throws {
        // Inputs kept away from relu's kink at 0.
        var x = try Tensor.randn([3, 5], seed: 4)
        x = x.map { abs($0) < 0.01 ? 0.5 : $0 }
        for kind in [Activation.Kind.sigmoid, .tanh, .relu, .leakyRelu(0.1), .softmax] {
            try check(Activation(kind), input: x)
        }
    }

    func testChainGradients() throws {
        let net = Chain([try Dense(inputs: 6, outputs: 5, seed: 1), Activation(.tanh),
                         try Dense(inputs: 5, outputs: 4, seed: 2), Activation(.sigmoid),
                         try Dense(inputs: 4, outputs: 3, seed: 3), Activation(.softmax)])
        try check(net, input: try Tensor.randn([2, 6], seed: 5))
    }

    func testLossGradients() throws {
        let y = try Tensor.randn([3, 4], seed: 6)
        let target = try Tensor(rows: 3, cols: 4, [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0])
        for loss in [Loss.mse, .crossEntropy] {
            let (_, g) = try loss.evaluate(y, target)
            let h = 1e-6
            for i in 0..<y.count {
                let up = try loss.evaluate(y.setting(i, y.data[i] + h), target).loss
                let down = try loss.evaluate(y.setting(i, y.data[i] - h), target).loss
                XCTAssertEqual(g.data[i], (up - down) / (2 * h), accuracy: 1e-6, "\(loss) \(i)")
            }
        }
        // Cross-entropy of uniform logits over 4 classes is log 4.
        XCTAssertEqual(try Loss.crossEntropy.evaluate(try Tensor(shape: [3, 4], repeating: 0), target).loss, log(4), accuracy: 1e-12)
    }

    func testBackwardBeforeForwardIsAnError() throws {
        XCTAssertThrowsError(try Dense(inputs: 2, outputs: 2, seed: 1).backward(Tensor(vector: [1, 1])))
    }
}
