/** Built-in sample datasets (copies in resources/samples, bundled as text), so a newcomer can start without a file. */
import iris from '../../resources/samples/iris.csv?raw';
import penguins from '../../resources/samples/penguins.csv?raw';
import diabetes from '../../resources/samples/diabetes.csv?raw';

/** A sample dataset. */
export interface Sample {
  id: string;
  file: string;
  title: string;
  description: string;
  target: string;
  task: 'classification' | 'regression';
  rows: number;
  columns: number;
  csv: string;
}

/** The samples, simplest first. */
export const SAMPLES: readonly Sample[] = [
  {
    id: 'iris',
    file: 'iris.csv',
    title: 'Iris flowers',
    target: 'species',
    task: 'classification',
    rows: 150,
    columns: 5,
    csv: iris,
    description: 'Tell three iris species apart from petal and sepal sizes. The classic first dataset.',
  },
  {
    id: 'penguins',
    file: 'penguins.csv',
    title: 'Palmer penguins',
    target: 'species',
    task: 'classification',
    rows: 344,
    columns: 8,
    csv: penguins,
    description: 'Penguin species from bill, flipper and body measurements, with missing values and text columns.',
  },
  {
    id: 'diabetes',
    file: 'diabetes.csv',
    title: 'Diabetes progression',
    target: 'progression',
    task: 'regression',
    rows: 442,
    columns: 11,
    csv: diabetes,
    description: 'Predict disease progression after one year from ten baseline measurements. A regression task.',
  },
];
