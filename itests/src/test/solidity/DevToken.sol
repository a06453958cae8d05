// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title A minimal token for the dApp acceptance tests
/// @notice What a dApp developer's first contract does: state changes announced by indexed events, views,
/// a payable entry point and a require with a reason string that must reach the client.
contract DevToken {
    string public constant name = "Citrate Dev Token";
    string public constant symbol = "CDT";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 initialSupply) {
        _mint(msg.sender, initialSupply);
    }

    /// @notice Moves tokens from the caller; reverts with "insufficient balance" when the caller has too few.
    function transfer(address to, uint256 value) external returns (bool) {
        require(balanceOf[msg.sender] >= value, "insufficient balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    /// @notice Mints one token unit per wei paid; the ether stays in the contract.
    function buy() external payable {
        require(msg.value > 0, "no ether sent");
        _mint(msg.sender, msg.value);
    }

    function _mint(address to, uint256 value) private {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }
}
