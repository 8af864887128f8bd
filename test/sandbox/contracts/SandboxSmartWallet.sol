// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A tiny ERC-1271 smart-contract wallet: one EOA owner signs for it.
/// isValidSignature accepts an ECDSA signature of `hash` by the owner.
contract SandboxSmartWallet {
    bytes4 internal constant ERC1271_MAGIC = 0x1626ba7e;
    bytes4 internal constant ERC1271_INVALID = 0xffffffff;
    address public owner;

    constructor(address owner_) {
        owner = owner_;
    }

    receive() external payable {}

    function execute(address target, uint256 value, bytes calldata data) external returns (bytes memory) {
        require(msg.sender == owner, "wallet: caller is not the owner");
        (bool ok, bytes memory result) = target.call{value: value}(data);
        require(ok, "wallet: call failed");
        return result;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return ERC1271_INVALID;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) v += 27;
        address signer = ecrecover(hash, v, r, s);
        return signer != address(0) && signer == owner ? ERC1271_MAGIC : ERC1271_INVALID;
    }
}
