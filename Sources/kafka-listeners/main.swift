import KafkaListeners
import ArgumentParser
print("x")
