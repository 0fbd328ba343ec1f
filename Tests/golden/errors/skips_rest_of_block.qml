# after an error the rest of the try block does not run
let r = try {
    print("before")
    error("stop")
    print("after")
    1
} catch e {
    2
}
print(r)
# expect: before
# expect: 2
