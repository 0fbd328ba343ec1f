/// The simulated QPU access time of one call, in microseconds, laid out as an annealer's
/// timing report: programming once per call, then for every read the anneal, the readout
/// and a short delay.
public struct DeviceTiming: Sendable, Equatable {
    /// Time to program the problem into the chip (µs), excluding the thermalization.
    public var programming: Double = 9_000
    /// Wait after programming before the first anneal (µs).
    public var programmingThermalization: Double = 1_000
    /// Time to read out all qubits after one anneal (µs).
    public var readout: Double = 123
    /// Wait after each readout (µs).
    public var readoutThermalization: Double = 0
    /// Fixed delay between reads (µs).
    public var delay: Double = 21

    public init() {}

    /// The timing entries for a call of `reads` anneals of `anneal` microseconds each, in
    /// the names an annealer reports (all in µs).
    public func report(reads: Int, anneal: Double) -> [(String, Double)] {
        let perRead = anneal + readout + readoutThermalization + delay
        let sampling = Double(reads) * perRead
        let programmingTotal = programming + programmingThermalization
        return [
            ("qpu_programming_time", programmingTotal),
            ("qpu_anneal_time_per_sample", anneal),
            ("qpu_readout_time_per_sample", readout),
            ("qpu_delay_time_per_sample", delay + readoutThermalization),
            ("qpu_sampling_time", sampling),
            ("qpu_access_time", programmingTotal + sampling),
        ]
    }
}
