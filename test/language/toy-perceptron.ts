/** Test fixture: a small averaged perceptron trained for four epochs on generated feature sets. */
import { AveragedPerceptron } from '../../src/language/perceptron.js';

/** Trains on examples 0..n-1, each with the features `featuresOf(i)` and the gold class `labelOf(i)`. */
export function trainToyPerceptron(classes: number, examples: number, featuresOf: (index: number) => Int32Array, labelOf: (index: number) => number): AveragedPerceptron {
  const model = new AveragedPerceptron(classes, 4);
  const scores = new Float32Array(classes);
  for (let epoch = 0; epoch < 4; epoch++) {
    for (let i = 0; i < examples; i++) {
      const features = featuresOf(i);
      model.score(features, features.length, scores);
      model.update(features, features.length, labelOf(i), AveragedPerceptron.argmax(scores, classes));
      model.tick();
    }
  }
  return model;
}
