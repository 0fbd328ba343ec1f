/// The record of a training run: one row per step, in named columns of numbers (step,
/// time, grad_norm, the range of each parameter group, statistics the model reports,
/// and metrics registered with `track`). A metric not evaluated at a step is NaN there.
public struct TrainingHistory: Sendable, Equatable {
    /// Column names, in order.
    public private(set) var columns: [String] = []
    /// The values of each column, all of length `count`.
    public private(set) var values: [[Double]] = []
    /// Number of rows.
    public private(set) var count = 0
    /// Why training stopped early, if it did (e.g. a parameter left its range).
    public var stopReason: String?

    public init() {}

    /// The values of a column, if there is one of that name.
    public func column(_ name: String) -> [Double]? {
        columns.firstIndex(of: name).map { values[$0] }
    }

    /// Adds a row; names not seen before become new columns (NaN in earlier rows).
    public mutating func append(_ row: [(String, Double)]) {
        for c in values.indices { values[c].append(.nan) }
        count += 1
        for (name, v) in row { set(name, v) }
    }

    /// Sets a column's value in the last row (adding the column if new).
    public mutating func set(_ name: String, _ value: Double) {
        guard count > 0 else { return }
        if let c = columns.firstIndex(of: name) {
            values[c][count - 1] = value
        } else {
            columns.append(name)
            var col = [Double](repeating: .nan, count: count)
            col[count - 1] = value
            values.append(col)
        }
    }

    /// A history from saved columns (all the same length).
    public init(columns: [String], values: [[Double]], stopReason: String?) {
        self.columns = columns
        self.values = values
        self.count = values.first?.count ?? 0
        self.stopReason = stopReason
    }
}
