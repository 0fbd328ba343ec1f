import XCTest
@testable import IsingCore

/// The seeded generator behind every random function and sampler.
final class RandomTests: XCTestCase {
    /// The first outputs for seed 42, from an independent implementation of
    /// SplitMix64 seeding and xoshiro256** (written from the published algorithm).
    func testMatchesReferenceStream() {
        var g = Xoshiro256(seed: UInt64(42))
        XCTAssertEqual(g.next(), 1_546_998_764_402_558_742)
        XCTAssertEqual(g.next(), 6_990_951_692_964_543_102)
        XCTAssertEqual(g.next(), 12_544_586_762_248_559_009)
    }

    func testSameSeedSameStreamDifferentSeedDifferentStream() {
        var a = Xoshiro256(seed: 7), b = Xoshiro256(seed: 7), c = Xoshiro256(seed: 8)
        let xs = (0..<100).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<100).map { _ in c.next() })
    }

    /// Mean and variance of 200 000 uniforms: the standard error of the mean is
    /// 0.2887 / sqrt(200000) = 0.00065, so 0.004 is more than six standard errors.
    func testUniformMoments() {
        var g = Xoshiro256(seed: 1)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let u = g.nextDouble()
            XCTAssertTrue(u >= 0 && u < 1)
            sum += u
            sumSquares += u * u
        }
        let mean = sum / Double(n)
        XCTAssertEqual(mean, 0.5, accuracy: 0.004)
        XCTAssertEqual(sumSquares / Double(n) - mean * mean, 1.0 / 12.0, accuracy: 0.002)
    }

    /// Standard normal deviates: mean 0 and variance 1 within six standard errors.
    func testGaussianMoments() {
        var g = Xoshiro256(seed: 2)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let x = g.nextGaussian()
            sum += x
            sumSquares += x * x
        }
        XCTAssertEqual(sum / Double(n), 0, accuracy: 6 / Double(n).squareRoot())
        XCTAssertEqual(sumSquares / Double(n), 1, accuracy: 6 * 2.0.squareRoot() / Double(n).squareRoot())
    }

    /// Integers below 6: a chi-square test with 5 degrees of freedom; 25 is beyond the
    /// 0.9999 quantile (about 25.7 is p = 1e-4), so a correct generator fails rarely and
    /// deterministically never for this seed.
    func testBoundedIntegersAreUniform() {
        var g = Xoshiro256(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[g.nextInt(below: 6)] += 1 }
        let expected = Double(n) / 6
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        XCTAssertLessThan(chiSquare, 25)
    }
}

/// The process-wide stop request that Ctrl-C sets.
final class CancellationTests: XCTestCase {
    func testRequestAndResetThroughTheRawAddress() {
        Cancellation.reset()
        XCTAssertFalse(Cancellation.isRequested)
        Cancellation.rawAddress.assumingMemoryBound(to: Int32.self).pointee = 1
        XCTAssertTrue(Cancellation.isRequested)
        Cancellation.reset()
        XCTAssertFalse(Cancellation.isRequested)
        Cancellation.request()
        XCTAssertTrue(Cancellation.isRequested)
        Cancellation.reset()
    }
}
