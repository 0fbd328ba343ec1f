import XCTest
import IsingCore
@testable import Learning

final class OptimizerTests: XCTestCase {
    func testSchedules() throws {
        XCTAssertEqual(LearningRate.constant(0.1).rate(at: 50), 0.1)
        let linear = LearningRate.linear(start: 0.005, end: 0.0005, steps: 100)
        XCTAssertEqual(linear.rate(at: 0), 0.005)
        XCTAssertEqual(linear.rate(at: 50), 0.00275, accuracy: 1e-15)
        XCTAssertEqual(linear.rate(at: 100), 0.0005, accuracy: 1e-15)
        XCTAssertEqual(linear.rate(at: 1000), 0.0005, accuracy: 1e-15)
        let step = LearningRate.step(start: 1, every: 10, factor: 0.5)
        XCTAssertEqual(step.rate(at: 9), 1)
        XCTAssertEqual(step.rate(at: 10), 0.5)
        XCTAssertEqual(step.rate(at: 25), 0.25)
        XCTAssertThrowsError(try LearningRate.constant(-1).validated())
        XCTAssertThrowsError(try LearningRate.step(start: 1, every: 0, factor: 0.5).validated())
    }

    func testSGDWithMomentumMatchesHandComputedSteps() throws {
        let p = Parameter("w", Tensor(vector: [1]))
        let opt = try SGD(schedule: .constant(0.1), momentum: 0.5)
        p.grad = Tensor(vector: [2])
        try opt.step([p])          // v = -0.2, w = 0.8
        XCTAssertEqual(p.value.data[0], 0.8, accuracy: 1e-15)
        try opt.step([p])          // v = -0.1 - 0.2 = -0.3, w = 0.5
        XCTAssertEqual(p.value.data[0], 0.5, accuracy: 1e-15)
        XCTAssertThrowsError(try SGD(schedule: .constant(0.1), momentum: 1))
    }

    func testAdamFirstStepHasLearningRateSize() throws {
        let p = Parameter("w", Tensor(vector: [1, 1]))
        let opt = try Adam(schedule: .constant(0.01))
        p.grad = Tensor(vector: [3, -0.001])
        try opt.step([p])
        XCTAssertEqual(p.value.data[0], 0.99, accuracy: 1e-7)
        XCTAssertEqual(p.value.data[1], 1.01, accuracy: 1e-4)
        XCTAssertThrowsError(try Adam(schedule: .constant(0.01), beta1: 1.2))
    }

    func testTrainingANetworkReducesItsLoss() throws {
        // XOR with a small tanh network: the loss falls well below its starting value.
        let x = try Tensor(rows: 4, cols: 2, [0, 0, 0, 1, 1, 0, 1, 1])
        let t = try Tensor(rows: 4, cols: 1, [0, 1, 1, 0])
        let net = Chain([try Dense(inputs: 2, outputs: 8, seed: 1), Activation(.tanh), try Dense(inputs: 8, outputs: 1, seed: 2)])
        let opt = try Adam(schedule: .constant(0.05))
        let first = try Loss.mse.evaluate(try net.forward(x), t).loss
        var last = first
        for _ in 0..<500 {
            net.zeroGradients()
            let (l, g) = try Loss.mse.evaluate(try net.forward(x), t)
            _ = try net.backward(g)
            try opt.step(net.parameters)
            last = l
        }
        XCTAssertLessThan(last, 0.01)
        XCTAssertGreaterThan(first, 0.1)
    }
}
