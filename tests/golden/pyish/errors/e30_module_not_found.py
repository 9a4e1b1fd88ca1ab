import turtle3
