# A helper module that announces when its top level runs.
print("once.qml ran")
let once_value = 7
