# error() raises
error("boom")
# expect error: 2:1: boom
