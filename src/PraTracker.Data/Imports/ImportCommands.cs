using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;

namespace PraTracker.Data.Imports;

/// <summary>How far an import has got: the stage, and the rows saved of the rows to save.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

/// <summary>Saves an imported file: all of its valid rows in one transaction, or nothing.</summary>
public static class ImportCommands
{
    private const int ContractsPerSave = 500;

    /// <summary>
    /// Plans the file again inside the transaction (what is on file may have changed since the preview) and saves what
    /// the plan creates; rows with errors are left out. Every new agency, vendor, product and contract is audited as the
    /// importing user's change.
    /// </summary>
    public static async Task<ImportCounts> ApplyAsync(PraTrackerDbContext db, ImportFile file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (file.Error is not null)
        {
            throw new InvalidOperationException($"The file cannot be imported: {file.Error}");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            progress?.Report(new ImportProgress("Matching rows with what is on file", 0, file.Lines.Count));
            var plan = await ImportPlanner.PlanAsync(db, file, ct);

            progress?.Report(new ImportProgress("Saving agencies and vendors", 0, plan.NewContracts.Count));
            db.Agencies.AddRange(plan.NewAgencies);
            db.Vendors.AddRange(plan.NewVendors);
            db.Products.AddRange(plan.NewProducts);
            await db.SaveChangesAsync(ct);

            // Contracts are saved in batches so the change tracker stays small; the products they link to are kept attached.
            var productIds = plan.ProductsOnFile.ToList();
            var products = (await db.Products.Where(p => productIds.Contains(p.Id)).ToListAsync(ct)).Concat(plan.NewProducts).ToDictionary(p => p.Id);
            var saved = 0;
            foreach (var batch in plan.NewContracts.Chunk(ContractsPerSave))
            {
                db.ChangeTracker.Clear();
                db.Products.AttachRange(products.Values);
                foreach (var (contract, productId) in batch)
                {
                    if (productId is { } id)
                    {
                        contract.Products.Add(products[id]);
                    }

                    db.Contracts.Add(contract);
                }

                await db.SaveChangesAsync(ct);
                saved += batch.Length;
                progress?.Report(new ImportProgress("Saving contracts", saved, plan.NewContracts.Count));
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return plan.Counts;
        });
    }
}
