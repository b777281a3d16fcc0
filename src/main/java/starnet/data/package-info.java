/** Datasets and their loaders: IDX, CIFAR, SVHN .mat, image folders, CSV, .npy and the bundled samples. */
package starnet.data;
