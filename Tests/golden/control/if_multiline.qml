# if / else blocks spread over several lines
let x = 7
if x > 3 {
    print("big")
} else {
    print("small")
}
# expect: big
