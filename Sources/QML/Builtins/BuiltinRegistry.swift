/// The collection of native functions an interpreter starts with.
///
/// Each file in `QML/Builtins/` adds one group with a static `register…(into:)`
/// function listed in `BuiltinRegistry.groups`; everything registered is a global
/// name, is listed by `:help`, and is offered by completion.
public struct BuiltinRegistry {
    public private(set) var builtins: [Builtin] = []
    /// Constants such as `pi`, with their docs.
    public private(set) var constants: [(name: String, value: Value, doc: String)] = []

    public init() {}

    /// Adds a native function.
    public mutating func add(_ name: String, _ parameters: [BuiltinParameter], topic: String, doc: String,
                             _ body: @escaping Builtin.Body) {
        builtins.append(Builtin(name: name, parameters: parameters, topic: topic, doc: doc, body: body))
    }

    /// Adds a named constant.
    public mutating func constant(_ name: String, _ value: Value, doc: String) {
        constants.append((name, value, doc))
    }

    /// Every group of builtins, in registration order. Later groups may replace earlier names.
    nonisolated(unsafe) static let groups: [(inout BuiltinRegistry) -> Void] = [
        registerCore,
        registerMath,
        registerCollections,
        registerStrings,
        registerRandom,
        registerSystem,
        registerGraphs,
        registerHamiltonians,
        registerSymbolic,
        registerSampling,
        registerSamplers,
        registerObservables,
        registerFiles,
        registerFigures,
        registerHardwareGraphs,
        registerEmbeddings,
        registerQuantumSamplers,
        registerDevices,
        registerDatasets,
        registerTraining,
        registerTensors,
        registerNetworks,
    ]

    /// The registry with every group registered.
    public static func standard() -> BuiltinRegistry {
        var r = BuiltinRegistry()
        for g in groups { g(&r) }
        return r
    }
}
