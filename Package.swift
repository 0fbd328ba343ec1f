// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qrepl",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qrepl", targets: ["qrepl"]),
        .library(name: "QML", targets: ["QML"]),
        .library(name: "IsingCore", targets: ["IsingCore"]),
    ],
    targets: [
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("edit")]
        ),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "IsingCore"),
        .target(name: "Learning", dependencies: ["IsingCore", "CBLAS"]),
        .target(name: "Display"),
        .target(name: "QML", dependencies: ["IsingCore", "Learning", "Display"]),
        .executableTarget(name: "qrepl", dependencies: ["QML", "CEditLine"]),
        .testTarget(name: "IsingCoreTests", dependencies: ["IsingCore"], exclude: ["Fixtures"]),
        .testTarget(name: "QMLTests", dependencies: ["QML", "IsingCore"]),
        .testTarget(name: "DisplayTests", dependencies: ["Display"], exclude: ["golden"]),
        .testTarget(name: "TensorTests", dependencies: ["Learning", "IsingCore"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "IsingCore"]),
    ]
)
