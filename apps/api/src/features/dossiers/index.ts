// What other features use of dossiers; everything else stays inside the feature.
